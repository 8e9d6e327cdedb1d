import { describe, expect, it } from 'vitest';
import * as contracts from '../../../../shared/src/contracts/campaigns.ts';
import { directivePresetCodes, directivePresets } from './campaign-presets.ts';
import { postponeReasons } from './dashboard-rules.ts';
import { congressStatuses, congressStatusLabel } from './lifecycle-rules.ts';
import { scheduleWarningCodes } from './schedule-rules.ts';

// The web reads the shared contracts; the server decides with the pure rules: the lists must agree.
describe('shared contracts agree with the rules', () => {
  it('statuses, labels, warning codes, postponement reasons, presets', () => {
    expect([...contracts.congressStatuses]).toEqual([...congressStatuses]);
    for (const s of congressStatuses) expect(contracts.congressStatusLabels[s]).toBe(congressStatusLabel(s));
    expect([...contracts.scheduleWarningCodes]).toEqual([...scheduleWarningCodes]);
    expect([...contracts.postponeReasons]).toEqual([...postponeReasons]);
    expect([...contracts.directivePresetCodes]).toEqual([...directivePresetCodes]);
  });

  it('the presets pass the contract schemas the API validates with', () => {
    for (const p of Object.values(directivePresets)) {
      expect(() => contracts.presetSchema.parse(p)).not.toThrow();
      expect(() => contracts.createCampaignRequestSchema.parse({ name: 'x', preset: p.code, rootOrgId: 1, levels: p.levels, settings: p.settings })).not.toThrow();
    }
  });
});
