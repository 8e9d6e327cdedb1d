import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignSectionKeys, type Block, parseDocxBody, parseStructuredText, similarity } from './section-rules.ts';

describe('parsing a pasted draft', () => {
  it('finds headings the way a party document numbers them, and paragraphs', () => {
    const blocks = parseStructuredText(
      [
        'BÁO CÁO CHÍNH TRỊ',
        '',
        'PHẦN THỨ NHẤT',
        'I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2015 – 2020',
        '1. Về phát triển kinh tế',
        'Tốc độ tăng trưởng bình quân đạt 10,6%/năm; thu ngân sách vượt dự toán.',
        '# Tiêu đề đánh dấu',
        'a) Nông nghiệp',
      ].join('\r\n'),
    );
    expect(blocks.map((b) => [b.kind, b.level])).toEqual([
      ['heading', 1],
      ['heading', 1],
      ['heading', 1],
      ['heading', 2],
      ['paragraph', 0],
      ['heading', 1],
      ['heading', 3],
    ]);
    expect(blocks[6]!.text).toBe('a) Nông nghiệp');
  });

  it('keeps a long numbered sentence as a paragraph', () => {
    const [b] = parseStructuredText('1. Tập trung xây dựng Đảng trong sạch, vững mạnh; nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức cơ sở đảng.');
    expect(b!.kind).toBe('paragraph');
  });

  it('reads a Word body: heading styles, runs joined, escapes decoded, deleted text left out', () => {
    const xml = `<w:document><w:body>
      <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Phương hướng</w:t></w:r></w:p>
      <w:p><w:r><w:t xml:space="preserve">Đoàn kết &amp; </w:t></w:r><w:r><w:t>đổi mới &lt;b&gt;</w:t></w:r><w:del><w:r><w:delText>bỏ</w:delText></w:r></w:del></w:p>
      <w:p><w:r><w:t></w:t></w:r></w:p>
    </w:body></w:document>`;
    expect(parseDocxBody(xml)).toEqual([
      { kind: 'heading', level: 1, text: 'Phương hướng' },
      { kind: 'paragraph', level: 0, text: 'Đoàn kết & đổi mới <b>' },
    ]);
  });
});

const para = (text: string): Block => ({ kind: 'paragraph', level: 0, text });

describe('stable section keys across versions', () => {
  const v1 = assignSectionKeys([], [para('Mở đầu'), para('Kinh tế tăng trưởng khá, đời sống nhân dân được nâng lên.'), para('Quốc phòng an ninh được giữ vững.')], 1);

  it('numbers a first version s1, s2, …', () => {
    expect(v1.blocks.map((b) => b.key)).toEqual(['s1', 's2', 's3']);
    expect(v1.nextNo).toBe(4);
  });

  it('keeps the key of an unchanged or lightly edited paragraph, gives a new key to a new one', () => {
    const v2 = assignSectionKeys(
      v1.blocks,
      [para('Mở đầu'), para('Một đoạn hoàn toàn mới về chuyển đổi số.'), para('Kinh tế tăng trưởng khá, đời sống vật chất của nhân dân được nâng lên rõ rệt.'), para('Quốc phòng an ninh được giữ vững.')],
      v1.nextNo,
    );
    expect(v2.blocks.map((b) => b.key)).toEqual(['s1', 's4', 's2', 's3']);
    expect(v2.nextNo).toBe(5);
  });

  it('a rewritten paragraph is a new section', () => {
    const v2 = assignSectionKeys(v1.blocks, [para('Mở đầu'), para('Hoàn toàn khác hẳn.'), para('Quốc phòng an ninh được giữ vững.')], v1.nextNo);
    expect(v2.blocks.map((b) => b.key)).toEqual(['s1', 's4', 's3']);
  });

  it('never gives one key to two sections, and keeps every unchanged text’s key', () => {
    const text = fc.constantFrom('Kinh tế phát triển', 'Văn hóa xã hội', 'Xây dựng Đảng', 'Quốc phòng an ninh', 'Đối ngoại', 'Kinh tế phát triển nhanh');
    fc.assert(
      fc.property(fc.array(text, { maxLength: 8 }), fc.array(text, { maxLength: 8 }), (a, b) => {
        const first = assignSectionKeys([], a.map(para), 1);
        const second = assignSectionKeys(first.blocks, b.map(para), first.nextNo);
        const keys = second.blocks.map((x) => x.key);
        expect(new Set(keys).size).toBe(keys.length);
        // Text present once in both versions keeps its key.
        for (const t of new Set(b))
          if (a.filter((x) => x === t).length === 1 && b.filter((x) => x === t).length === 1)
            expect(second.blocks.find((x) => x.text === t)!.key).toBe(first.blocks.find((x) => x.text === t)!.key);
      }),
    );
  });

  it('similarity is the share of common words', () => {
    expect(similarity('a b c d', 'a b c e')).toBeCloseTo(3 / 5);
    expect(similarity('', '')).toBe(1);
  });
});
