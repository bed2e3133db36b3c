import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvRow } from './csv';

describe('csvCell', () => {
  it('leaves plain text, Chinese and numbers as they are', () => {
    expect(csvCell('江城文明网')).toBe('江城文明网');
    expect(csvCell(42)).toBe('42');
    expect(csvCell('192.168.1.10')).toBe('192.168.1.10');
  });

  it('writes null and undefined as an empty cell', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvCell('x\r\ny')).toBe('"x\r\ny"');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes objects as JSON, quoted because JSON has commas and quotes', () => {
    expect(csvCell({ periodMonths: 12, personNameMasking: 'full' })).toBe('"{""periodMonths"":12,""personNameMasking"":""full""}"');
  });
});

describe('csvRow', () => {
  it('joins cells with commas and ends with CRLF', () => {
    expect(csvRow(['时间', null, 'a,b', '=1'])).toBe(`时间,,"a,b",'=1\r\n`);
  });

  it('has a BOM that is exactly U+FEFF', () => {
    expect(CSV_BOM.codePointAt(0)).toBe(0xfeff);
    expect(CSV_BOM).toHaveLength(1);
  });
});
