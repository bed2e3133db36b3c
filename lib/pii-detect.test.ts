import { describe, expect, it } from 'vitest';
import { idNumberCheckChar } from './id-number';
import { maskIdNumber, maskPhone } from './mask';
import {
  describePii,
  findPii,
  findPiiInHtml,
  isBankCardNumber,
  isFullIdNumber,
  isOldIdNumber,
  maskPiiInHtml,
  maskPiiInText,
  maskPublicFields,
  passesLuhn,
  personalNumbersMessage,
} from './pii-detect';

const kinds = (text: string) => findPii(text).map((h) => `${h.kind}:${h.value}`);

describe('findPii', () => {
  it('finds valid 18-character ID numbers wherever they sit in markup, JSON or a header', () => {
    expect(kinds('<td>420102197803151311</td>')).toEqual(['idNumber:420102197803151311']);
    expect(kinds('{"idNumber":"11010519491231002X"}')).toEqual(['idNumber:11010519491231002X']);
    expect(kinds('身份证号440524188001010014。')).toEqual(['idNumber:440524188001010014']);
    expect(kinds('x-debug: 11010519491231002x')).toEqual(['idNumber:11010519491231002x']);
    expect(kinds('/credit?q=420102197803151311&page=2')).toEqual(['idNumber:420102197803151311']);
  });

  it('ignores 18-digit numbers that are not ID numbers, and masked ones', () => {
    expect(kinds('420102197803151312')).toEqual([]); // wrong check digit
    expect(kinds('420102197802301318')).toEqual([]); // 30 February
    expect(kinds('990102197803151311')).toEqual([]); // no such province
    expect(kinds(maskIdNumber('420102197803151311'))).toEqual([]);
    expect(kinds('420102********1311')).toEqual([]);
    expect(kinds('1420102197803151311')).toEqual([]); // part of a longer number
    expect(kinds('a420102197803151311')).toEqual([]); // part of a hash
    expect(kinds('91350100M000100Y43')).toEqual([]); // 统一社会信用代码
  });

  it('finds 15-digit first-generation ID numbers with a real birth date', () => {
    expect(isOldIdNumber('420102780315131')).toBe(true);
    expect(kinds('旧证号 420102780315131')).toEqual(['oldIdNumber:420102780315131']);
    expect(kinds('420102781315131')).toEqual([]); // month 13
    expect(kinds('1732252800000123')).toEqual([]); // 16 digits
  });

  it('finds mobile numbers, not masked ones, landlines, timestamps or hashes', () => {
    expect(kinds('联系电话13812345678')).toEqual(['phone:13812345678']);
    expect(kinds('tel:+86 19912345678')).toEqual(['phone:19912345678']);
    expect(kinds('"phone":"15900001111"')).toEqual(['phone:15900001111']);
    expect(kinds(maskPhone('13812345678'))).toEqual([]);
    expect(kinds('138****5678')).toEqual([]);
    expect(kinds('0710-12345678')).toEqual([]);
    expect(kinds('12812345678')).toEqual([]); // 12x is not a mobile prefix
    expect(kinds('1732252800000')).toEqual([]); // a millisecond timestamp
    expect(kinds('/_next/static/chunks/a13812345678b.js')).toEqual([]);
    expect(kinds('138123456789')).toEqual([]);
  });

  it('ignores ordinary numbers: article ids, counts, dates, tracking numbers', () => {
    expect(kinds('/news/12345 浏览 987654 次 2026-11-23 YS20261122-7KQ4M9 TJ20261123-7KQ4M9')).toEqual([]);
  });

  it('describes each hit with its surroundings', () => {
    const text = '姓名：欧阳建国 身份证号：420102197803151311 电话：13812345678';
    const lines = describePii(text, findPii(text));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('idNumber 420102197803151311 in “姓名：欧阳建国');
    expect(lines[1]).toContain('phone 13812345678');
  });

  it('accepts the documented examples and refuses near misses', () => {
    expect(isFullIdNumber('11010519491231002X')).toBe(true);
    expect(isFullIdNumber('440524188001010014')).toBe(true);
    expect(isFullIdNumber('44052418800101001')).toBe(false);
  });
});

// Valid vectors: ID numbers with their GB 11643 check character, Luhn-valid card numbers.
const ID = '420102197803151311';
const ID_X = '11010519491231002X';
const UNIONPAY_19 = '6222021234567890128';
const UNIONPAY_16 = '6228480012345671';
const VISA = '4111111111111111';
const AMEX = '378282246310005';
// An all-digit 统一社会信用代码 with a valid check character that also passes Luhn: not a card.
const DIGIT_CREDIT_CODE = '914201001000000007';

describe('findPii: ID numbers', () => {
  it('checks the check character and the birth date', () => {
    expect(isFullIdNumber(ID)).toBe(true);
    expect(isFullIdNumber(ID_X.toLowerCase())).toBe(true);
    expect(isFullIdNumber('420102197803151312')).toBe(false); // check character
    expect(isFullIdNumber('420102197813151316')).toBe(false); // month 13
    expect(isFullIdNumber(`42010220260229${'123'}${idNumberCheckChar('42010220260229123')}`)).toBe(false); // 2026 has no 29 February
    const leap = '42010220240229123';
    expect(isFullIdNumber(leap + idNumberCheckChar(leap))).toBe(true);
  });

  it('finds them grouped, in full-width digits and next to Chinese text', () => {
    expect(kinds('身份证：420102 19780315 1311。')).toEqual(['idNumber:420102 19780315 1311']);
    expect(kinds('证号420102-19780315-1311')).toEqual(['idNumber:420102-19780315-1311']);
    expect(findPii('４２０１０２１９７８０３１５１３１１').map((h) => h.digits)).toEqual([ID]);
    expect(kinds('４２０１０２１９７８０３１５１３１１')).toEqual(['idNumber:４２０１０２１９７８０３１５１３１１']);
  });

  it('finds 15-digit numbers only with a real date, not old business registration numbers', () => {
    expect(isOldIdNumber('420102780315131')).toBe(true);
    expect(isOldIdNumber('420102780230131')).toBe(false); // 30 February
    expect(isOldIdNumber('420100000123456')).toBe(false); // 注册号: reads as 1900-01-23
  });
});

describe('findPii: mobile numbers', () => {
  it('finds them however they are written', () => {
    for (const typed of ['13812345678', '138 1234 5678', '138-1234-5678', '+86 13812345678', '+8613812345678', '008613812345678', '(+86)138-1234-5678', '１３８１２３４５６７８', '１３８－１２３４－５６７８', '+86\u00a0138\u00a01234\u00a05678']) {
      const text = `联系人王先生${JSON.parse(`"${typed}"`)}，欢迎来电`;
      expect(findPii(text).map((h) => `${h.kind}:${h.digits}`), typed).toEqual(['phone:13812345678']);
    }
    for (const prefix of ['13', '14', '15', '16', '17', '18', '19']) expect(kinds(`${prefix}912345678`)).toHaveLength(1);
  });

  it('does not take other numbers for mobiles', () => {
    expect(kinds('12812345678')).toEqual([]); // no 12x prefix
    expect(kinds('1381234567')).toEqual([]); // 10 digits
    expect(kinds('138-12-345678')).toEqual([]); // not a phone grouping
    expect(kinds('138 1234-5678')).toEqual([]); // mixed separators
    expect(kinds('评分 15 20 30 40 50 60 70 分')).toEqual([]);
    expect(kinds('办公电话 027-88886666、0710-12345678、(027)88886666、010 6512 3456、400-800-1234')).toEqual([]);
  });
});

describe('findPii: bank card numbers', () => {
  it('checks Luhn and the issuer length', () => {
    expect(passesLuhn(UNIONPAY_19)).toBe(true);
    expect(passesLuhn('6222021234567890127')).toBe(false);
    for (const card of [UNIONPAY_19, UNIONPAY_16, VISA, AMEX, '5555555555554444', '3530111333300000']) expect(isBankCardNumber(card), card).toBe(true);
    expect(isBankCardNumber('6222021234567890127')).toBe(false); // Luhn fails
    expect(isBankCardNumber(DIGIT_CREDIT_CODE)).toBe(false);
    expect(passesLuhn(DIGIT_CREDIT_CODE)).toBe(true);
    expect(isBankCardNumber('2023202420252026')).toBe(false); // passes Luhn, but four years are not a card
    expect(passesLuhn('2023202420252026')).toBe(true);
    expect(isBankCardNumber('1732252800000')).toBe(false); // a timestamp
    expect(isBankCardNumber('411111111111111116')).toBe(false); // 18 digits: no Visa has them
  });

  it('finds them in one run or grouped', () => {
    expect(kinds(`卡号${UNIONPAY_19}`)).toEqual([`bankCard:${UNIONPAY_19}`]);
    expect(kinds('账号 6222 0212 3456 7890 128 开户行')).toEqual(['bankCard:6222 0212 3456 7890 128']);
    expect(kinds('4111-1111-1111-1111')).toEqual(['bankCard:4111-1111-1111-1111']);
    expect(kinds('3782 822463 10005')).toEqual(['bankCard:3782 822463 10005']);
  });

  it('ignores amounts, decimals and codes', () => {
    expect(kinds('涉及金额4111111111111111.00元')).toEqual([]);
    expect(kinds(`统一社会信用代码${DIGIT_CREDIT_CODE}`)).toEqual([]);
    expect(kinds('2023 2024 2025 2026 年度')).toEqual([]);
  });
});

describe('findPii: ordinary text stays clean', () => {
  it('has no hits in dates, 文号, amounts, codes, landlines and ids', () => {
    const text = [
      '决定日期20261204，2026-12-04，2026年12月4日，2026/12/4。',
      '依据江市监罚〔2026〕12号、（2026）鄂0102执123号。',
      '罚款35,000,000元，涉及金额12345678.50元，共计1234567890123.45元。',
      '统一社会信用代码91350100M000100Y43，注册号420100000123456。',
      '实践站地址：幸福路88号，办公电话027-88886666，开放时间9:00-17:30。',
      '文章编号12345，浏览987654次，受理编号YS20261122-7KQ4M9，时间戳1732252800000。',
    ].join('\n');
    expect(findPii(text)).toEqual([]);
  });
});

describe('maskPiiInText', () => {
  it('masks each kind, keeping separators and the agreed digits', () => {
    expect(maskPiiInText(`身份证${ID}`)).toBe(`身份证${maskIdNumber(ID)}`);
    expect(maskPiiInText(`电话13812345678`)).toBe(`电话${maskPhone('13812345678')}`);
    expect(maskPiiInText('电话 +86 138-1234-5678')).toBe('电话 +86 138-****-5678');
    expect(maskPiiInText('１３８１２３４５６７８')).toBe('１３８****５６７８');
    expect(maskPiiInText(`卡号${UNIONPAY_19}`)).toBe(`卡号${'*'.repeat(15)}0128`);
    expect(maskPiiInText('卡号 6222 0212 3456 7890 128')).toBe('卡号 **** **** **** ***0 128');
    expect(maskPiiInText('旧证号420102780315131')).toBe('旧证号420102*****5131');
    expect(maskPiiInText('没有号码的文字2026年')).toBe('没有号码的文字2026年');
  });

  it('leaves nothing to find and is idempotent', () => {
    const text = `张三，身份证${ID_X}，手机138 1234 5678，工资卡${UNIONPAY_16}，邻居１５９００００１１１１。`;
    const masked = maskPiiInText(text);
    expect(findPii(masked)).toEqual([]);
    expect(maskPiiInText(masked)).toBe(masked);
    expect(masked.length).toBe(text.length);
    expect(masked).toContain('110105********002X');
  });
});

describe('HTML', () => {
  it('finds numbers split by inline tags and in alt text, not across paragraphs', () => {
    expect(findPiiInHtml('<p>电话<b>138</b>1234<em>5678</em></p>').map((h) => h.digits)).toEqual(['13812345678']);
    expect(findPiiInHtml('<p><img src="/media/a/640.webp" alt="联系13812345678"></p>').map((h) => h.kind)).toEqual(['phone']);
    expect(findPiiInHtml('<p>138123</p><p>45678</p>')).toEqual([]);
    expect(findPiiInHtml('<p>13812345678&amp;</p>').map((h) => h.digits)).toEqual(['13812345678']);
  });

  it('masks text nodes and readable attributes without touching markup', () => {
    const html = '<p>电话<b>138</b>12345678，<a href="/news/13812345678" title="户主13812345678">详情</a></p><p><img src="/media/4111111111111111/640.webp" alt="卡6228480012345671"></p>';
    const masked = maskPiiInHtml(html);
    expect(masked).toBe('<p>电话<b>138</b>****5678，<a href="/news/13812345678" title="户主138****5678">详情</a></p><p><img src="/media/4111111111111111/640.webp" alt="卡************5671"></p>');
    expect(findPiiInHtml(masked)).toEqual([]);
    expect(maskPiiInHtml('<p>2026年12月4日</p>')).toBe('<p>2026年12月4日</p>');
    // Split by inline tags only: no run of digits in the markup is long enough to look like a number.
    expect(maskPiiInHtml('<p>电话<b>138</b>1234<em>5678</em></p>')).toBe('<p>电话<b>138</b>****<em>5678</em></p>');
    expect(maskPiiInHtml('<p>电话１３８<span>１２３４</span>５６７８</p>')).toBe('<p>电话１３８<span>****</span>５６７８</p>');
  });
});

describe('personalNumbersMessage', () => {
  it('says where the number starts, counting characters as people do', () => {
    expect(personalNumbersMessage('我的电话是13812345678')).toBe('请勿填写身份证号、手机号或银行卡号等个人信息（第6个字附近）');
    expect(personalNumbersMessage('𠀀𠀀13812345678')).toContain('第3个字附近');
    expect(personalNumbersMessage('<p>事迹</p><p>电话13812345678</p>', 'html')).toContain('第5个字附近');
    expect(personalNumbersMessage('一切正常，2026年12月4日')).toBeNull();
  });
});

describe('maskPublicFields', () => {
  it('masks text fields and string arrays, HTML as HTML, and leaves identifiers and other values', () => {
    const at = new Date('2026-11-20T00:00:00Z');
    const row = { id: 7, slug: 'a-13812345678', title: '寻人13812345678', body: '<p>卡号<b>6228</b>480012345671</p>', tags: ['13812345678', '志愿'], publishedAt: at, pinned: false, summary: null };
    const masked = maskPublicFields(row, ['body']);
    expect(masked).toEqual({ id: 7, slug: 'a-13812345678', title: '寻人138****5678', body: '<p>卡号<b>****</b>********5671</p>', tags: ['138****5678', '志愿'], publishedAt: at, pinned: false, summary: null });
    expect(row.title).toBe('寻人13812345678'); // the input row is not changed
  });
});

describe('generated vectors', () => {
  it('finds and masks every valid number of each kind in running text', () => {
    let seed = 20261204;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    for (let i = 0; i < 300; i++) {
      const head = `${[11, 31, 42, 44, 51, 65][random(6)]}${pad(random(10000), 4)}${1940 + random(80)}${pad(1 + random(12), 2)}${pad(1 + random(28), 2)}${pad(random(1000), 3)}`;
      const id = head + idNumberCheckChar(head);
      const phone = `1${3 + random(7)}${pad(random(1_000_000_000), 9)}`;
      let card = `62${pad(random(1_000_000_000), 9)}${pad(random(100_000_000), 8)}`.slice(0, 18);
      card += [...'0123456789'].find((d) => passesLuhn(card + d));
      const text = `事由：当事人${id}，联系${phone}，账户${card}。`;
      expect(findPii(text).map((h) => h.kind), text).toEqual(['idNumber', 'phone', 'bankCard']);
      expect(findPii(maskPiiInText(text)), text).toEqual([]);
    }
  });
});
