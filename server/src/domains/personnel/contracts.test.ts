import { describe, expect, it } from 'vitest';
import * as shared from '../../../../shared/src/contracts/personnel.ts';
import { complaintStatuses } from './complaint-rules.ts';
import { concurrentModels, postRoles } from './concurrent-post-rules.ts';
import { candidacies, postKinds } from './eligibility-rules.ts';
import { compositionPresetCodes } from './composition-rules.ts';
import { nominationPresets } from './nomination-rules.ts';
import { firstMeetingKinds } from './first-meeting-rules.ts';

describe('the shared vocabulary equals the rules\' own lists', () => {
  it('posts, candidacies, complaints, models and presets', () => {
    expect([...shared.postRoles]).toEqual([...postRoles]);
    expect([...shared.candidacies]).toEqual([...candidacies]);
    expect([...shared.postKinds]).toEqual([...postKinds]);
    expect([...shared.complaintStatuses]).toEqual([...complaintStatuses]);
    expect([...shared.concurrentModels]).toEqual([...concurrentModels]);
    expect([...shared.compositionPresetCodes]).toEqual([...compositionPresetCodes]);
    expect([...shared.nominationPresetCodes].sort()).toEqual(Object.keys(nominationPresets).sort());
    expect([...shared.firstMeetingKinds]).toEqual([...firstMeetingKinds]);
  });
  it('every preset parses with the request schemas the plan accepts', () => {
    for (const n of Object.values(nominationPresets)) for (const s of n.steps) expect(shared.nominationStepSchema.safeParse(s).success).toBe(true);
  });
});
