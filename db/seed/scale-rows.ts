// Row generators of the scale data set (db/seed/scale.ts): articles, good people and credit entries made
// column by column (one array per column, ready for INSERT ... SELECT FROM unnest), from the demo's phrase
// banks. Every value is drawn from a seeded PRNG, and credit codes and ID numbers come from a counter
// through a bijection, so they are valid, unique and the same on every run.
import { creditDedupeKey } from '../../lib/credit-entry';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '../../lib/credit-code';
import { addDays, addMonths } from '../../lib/dates';
import { idNumberCheckChar } from '../../lib/id-number';
import { maskIdNumber } from '../../lib/mask';
import { publicationEndDate } from '../../lib/periods';
import { AUTHORITIES, CITY, CITY_SHORT, DISTRICTS, FEMALE_GIVEN, MALE_GIVEN, MEDIA, PLACES, ROADS, SURNAMES, districtCourt, type District } from './content/city';
import { ACCIDENTS, COMPANY_INDUSTRIES, FOOD_ISSUES, FOOD_PRODUCTS, PROJECTS, REASONS, SHOP_KINDS, TRADE_NAMES, type CreditCategoryName } from './content/credit';
import { CHANNELS, NEWS_TEMPLATES, type ChannelSlug } from './content/news-titles';
import { CHANNEL_CLOSINGS, NEWS_TOPICS } from './content/news-topics';
import { BACKGROUNDS, COMMON_PARAGRAPHS, STORY_FRAMES } from './content/people-common';
import { BRAVE, HELPING, HONEST } from './content/people-scenarios-a';
import { DEDICATED, FILIAL } from './content/people-scenarios-b';
import { GOOD_PERSON_CATEGORIES } from '../../lib/enums';
import type { DeedScenario, GoodCategory } from './content/people-types';
import { at, pad2 } from './common';
import type { Rng } from './random';
import { fill, type Vars } from './template';

/** One chunk of rows as parallel column arrays (null where a column is NULL). */
export type Columns = Record<string, (string | number | null)[]>;

function columns(names: readonly string[]): Columns {
  return Object.fromEntries(names.map((n) => [n, []]));
}

const FESTIVALS = ['春节', '春节', '清明', '清明', '端午', '端午', '七夕', '七夕', '中秋', '重阳', '重阳', '冬至'];

function personName(rng: Rng, gender: '男' | '女'): { name: string; surname: string } {
  const surname = SURNAMES[Math.min(SURNAMES.length - 1, Math.floor(rng.next() ** 1.6 * SURNAMES.length))]!;
  return { name: surname + rng.pick(gender === '男' ? MALE_GIVEN : FEMALE_GIVEN), surname };
}

/** Every slot the news and good-people phrase banks use. */
function vars(rng: Rng, day: string): Vars {
  const district = rng.pick(DISTRICTS);
  const street = rng.pick(district.streets);
  const community = rng.pick(street.communities);
  const gender = rng.chance(0.5) ? '男' : '女';
  const { name, surname } = personName(rng, gender);
  const year = Number(day.slice(0, 4));
  return {
    year,
    lastYear: year - 1,
    dateText: `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`,
    when: `${year}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`,
    district: district.name,
    street: street.name,
    community,
    region: `${district.name}${street.name}${community}`,
    place: rng.pick(PLACES),
    road: rng.pick(ROADS),
    festival: FESTIVALS[Number(day.slice(5, 7)) - 1]!,
    media: rng.pick(MEDIA),
    name,
    surname,
    ta: gender === '男' ? '他' : '她',
    call: gender === '男' ? `老${surname}` : `${surname}阿姨`,
    unit: `${street.name}${community}`,
    years: rng.int(3, 15),
    n1: rng.int(3, 48),
    n2: rng.int(100, 860),
    n3: rng.int(1000, 9800),
    pct: rng.int(86, 99),
    wan: rng.int(30, 60),
  };
}

// ------------------------------------------------------------------------------------------- articles

export const ARTICLE_COLUMNS = ['channel_id', 'title', 'summary', 'body', 'source', 'author', 'editor_name', 'tags', 'status', 'published_at', 'view_count', 'created_at', 'updated_at'] as const;
const STATUS_MIX: [string, number][] = [
  ['published', 0.95],
  ['draft', 0.02],
  ['pending', 0.015],
  ['rejected', 0.005],
  ['offline', 0.01],
];

function weighted<T>(rng: Rng, options: readonly (readonly [T, number])[]): T {
  let r = rng.next();
  for (const [value, w] of options) {
    r -= w;
    if (r < 0) return value;
  }
  return options[options.length - 1]![0];
}

/** Articles spread over the ten years before `today`; tags are written as a Postgres array literal. */
export function articleRows(rng: Rng, count: number, today: string, channelIds: Map<ChannelSlug, number>): Columns {
  const out = columns(ARTICLE_COLUMNS);
  for (let i = 0; i < count; i++) {
    const channel = rng.pick(CHANNELS).slug;
    const tpl = rng.pick(NEWS_TEMPLATES[channel]);
    const day = addDays(today, -rng.int(1, 3650));
    const v = vars(rng, day);
    const open = fill(tpl.open, v);
    const topic = NEWS_TOPICS[tpl.tags[0]!];
    const paragraphs = rng.sample(topic.paragraphs, rng.int(1, 3)).map((t) => `<p>${fill(t, v)}</p>`);
    const closings = CHANNEL_CLOSINGS[channel];
    const closing = closings.length > 0 ? [`<p>${fill(rng.pick(closings), v)}</p>`] : [];
    const body = [`<p>${open}</p>`, ...paragraphs, ...closing].join('\n');
    const status = weighted(rng, STATUS_MIX);
    const publishedAt = status === 'published' || status === 'offline' ? at(day, rng.int(7, 21), rng.int(0, 59)) : null;
    const createdAt = at(addDays(day, -1), rng.int(8, 18), rng.int(0, 59));
    out.channel_id!.push(channelIds.get(channel)!);
    out.title!.push(fill(tpl.title, v));
    out.summary!.push(Array.from(open).slice(0, 80).join(''));
    out.body!.push(body);
    out.source!.push(rng.pick(MEDIA));
    out.author!.push(`记者 ${v.name}`);
    out.editor_name!.push(personName(rng, '女').name);
    out.tags!.push(`{${tpl.tags.slice(0, 3).join(',')}}`);
    out.status!.push(status);
    out.published_at!.push(publishedAt?.toISOString() ?? null);
    out.view_count!.push(publishedAt ? rng.int(20, 5000) : 0);
    out.created_at!.push(createdAt.toISOString());
    out.updated_at!.push((publishedAt ?? createdAt).toISOString());
  }
  return out;
}

// --------------------------------------------------------------------------------------- good people

export const PEOPLE_COLUMNS = ['name', 'gender', 'birth_year', 'region', 'unit', 'category', 'level', 'batch_id', 'deed', 'story', 'honors', 'like_count', 'status', 'published_at', 'created_at', 'updated_at'] as const;
const SCENARIOS: Record<GoodCategory, DeedScenario[]> = { 助人为乐: HELPING, 见义勇为: BRAVE, 诚实守信: HONEST, 敬业奉献: DEDICATED, 孝老爱亲: FILIAL };

export type ScaleBatch = { id: number; day: string; publishedAt: Date | null };

/** People in published monthly batches; one in thirty is an editor's draft or pending entry without a batch. */
export function peopleRows(rng: Rng, count: number, today: string, batches: ScaleBatch[]): Columns {
  const out = columns(PEOPLE_COLUMNS);
  for (let i = 0; i < count; i++) {
    const category = rng.pick(GOOD_PERSON_CATEGORIES);
    const scenario = rng.pick(SCENARIOS[category]);
    const frame = STORY_FRAMES[category];
    const unbatched = rng.chance(1 / 30);
    const batch = unbatched ? null : batches[i % batches.length]!;
    const day = batch ? addDays(batch.day, -rng.int(20, 80)) : addDays(today, -rng.int(1, 30));
    const gender = scenario.gender ?? (rng.chance(0.5) ? '男' : '女');
    const v: Vars = { ...vars(rng, day), ta: gender === '男' ? '他' : '她' };
    const { name, surname } = personName(rng, gender);
    Object.assign(v, { name, surname, call: scenario.call ? fill(scenario.call, { surname }) : v.call });
    const unit = scenario.units ? fill(rng.pick(scenario.units), v) : null;
    if (unit) v.unit = unit;
    const story = [
      fill(rng.pick(frame.intros), v),
      fill(rng.pick(BACKGROUNDS[category]), v),
      ...scenario.paragraphs.map((t) => fill(t, v)),
      fill(rng.pick(COMMON_PARAGRAPHS), v),
      fill(rng.pick(frame.closings), v),
    ].join('\n\n');
    const status = unbatched ? (rng.chance(0.5) ? 'draft' : 'pending') : 'published';
    const age = scenario.age ? rng.int(...scenario.age) : rng.int(30, 60);
    const created = at(day, 10, rng.int(0, 59));
    out.name!.push(name);
    out.gender!.push(gender);
    out.birth_year!.push(Number(today.slice(0, 4)) - age);
    out.region!.push(`${v.district} ${v.street} ${v.community}`);
    out.unit!.push(unit);
    out.category!.push(category);
    out.level!.push(rng.chance(0.2) ? '市级好人' : '身边好人');
    out.batch_id!.push(batch?.id ?? null);
    out.deed!.push(fill(scenario.deed, v));
    out.story!.push(story);
    out.honors!.push(rng.chance(0.5) ? fill(rng.pick(frame.honors), v) : '');
    out.like_count!.push(batch ? rng.int(0, 800) : 0);
    out.status!.push(status);
    out.published_at!.push(batch?.publishedAt?.toISOString() ?? null);
    out.created_at!.push(created.toISOString());
    out.updated_at!.push((batch?.publishedAt ?? created).toISOString());
  }
  return out;
}

// ------------------------------------------------------------------------------------ credit entries

export const CREDIT_COLUMNS = [
  'list', 'category_id', 'subject_kind', 'name', 'credit_code', 'legal_rep', 'id_number', 'id_number_masked', 'reason', 'amount', 'authority',
  'basis_doc', 'decision_date', 'listed_date', 'publication_end', 'status', 'status_reason', 'status_changed_at', 'batch_id', 'dedupe_key', 'created_at', 'updated_at',
] as const;

export type ScaleCategory = { id: number; name: CreditCategoryName; list: 'red' | 'black'; periodMonths: number };

/** Subject kinds by category, as in the demo data. */
const KINDS: Record<CreditCategoryName, [string, number][]> = {
  诚信经营企业: [['法人企业', 1]],
  诚信个体工商户: [['个体工商户', 1]],
  食品安全示范店: [['法人企业', 0.6], ['个体工商户', 0.4]],
  计量诚信单位: [['法人企业', 0.9], ['机关事业单位/社会组织', 0.1]],
  文明诚信市场: [['法人企业', 1]],
  失信被执行人: [['自然人', 0.45], ['法人企业', 0.55]],
  拖欠农民工工资: [['自然人', 0.25], ['法人企业', 0.75]],
  食品药品安全: [['个体工商户', 0.6], ['法人企业', 0.4]],
  安全生产: [['法人企业', 1]],
  电信诈骗典型案例: [['自然人', 0.7], ['法人企业', 0.15], ['个体工商户', 0.15]],
};

/**
 * Trade names (字号): the demo's list, two characters from a wider pool, and the words citizens search
 * for most, so that "诚信" matches about 2% of names and "文明" about 1%, as in real registers.
 */
const TRADE_CHARS = Array.from('鑫源宏达恒通华信瑞丰天成金鼎博远永盛嘉禾聚力新航安顺启明润泽德和兴隆昌弘毅佳运锦程卓越晟昊海纳凯荣泰裕中正景明珠远益民惠康福临万同心立祥百川青绿晨光星辰楚韵江湖松桥银河众邦联广图振旺合美乐居怡汇穗帆鹏腾冠君利');
const SEARCHED_WORDS: [string, number][] = [
  ['诚信', 0.02],
  ['文明', 0.01],
  ['守信', 0.004],
  ['志愿', 0.002],
];

function tradeName(rng: Rng): string {
  let r = rng.next();
  for (const [word, p] of SEARCHED_WORDS) {
    r -= p;
    if (r < 0) return rng.chance(0.5) ? word : word + rng.pick(TRADE_CHARS);
  }
  return rng.chance(0.4) ? rng.pick(TRADE_NAMES) : rng.pick(TRADE_CHARS) + rng.pick(TRADE_CHARS);
}

const CODE_SPACE = 31 ** 9;
const CODE_MULTIPLIER = 2_654_435_761; // not a multiple of 31, so i -> i * m mod 31^9 is a bijection

/** The i-th organisation code (positions 9-17): distinct for every i below 3 million (i * m stays exact). */
function organisationCode(i: number): string {
  let v = (i * CODE_MULTIPLIER) % CODE_SPACE;
  let out = '';
  for (let k = 0; k < 9; k++) {
    out = CREDIT_CODE_ALPHABET[v % 31]! + out;
    v = Math.floor(v / 31);
  }
  return out;
}

function creditCode(prefix: string, district: District, i: number): string {
  const body = prefix + district.code + organisationCode(i);
  return body + creditCodeCheckChar(body)!;
}

const BIRTH_DAYS = 14_600; // 1960-01-01 and forty years on
const ID_SPACE = DISTRICTS.length * BIRTH_DAYS * 500;
const ID_MULTIPLIER = 7919; // prime, coprime to ID_SPACE

/** The k-th natural person's ID number: district, birth day and sequence taken from k, so never repeated. */
function idNumber(k: number, gender: '男' | '女'): string {
  const p = (k * ID_MULTIPLIER) % ID_SPACE;
  const district = DISTRICTS[p % DISTRICTS.length]!;
  const rest = Math.floor(p / DISTRICTS.length);
  const birth = new Date(Date.UTC(1960, 0, 1 + (rest % BIRTH_DAYS))).toISOString().slice(0, 10);
  const order = Math.floor(rest / BIRTH_DAYS) * 2 + (gender === '男' ? 1 : 0);
  const first17 = district.code + birth.replace(/-/g, '') + String(order).padStart(3, '0');
  return first17 + idNumberCheckChar(first17)!;
}

const AUTHORITY_OF: Record<CreditCategoryName, [string, string][]> = {
  诚信经营企业: [[AUTHORITIES.market, '江市监信'], [AUTHORITIES.tax, '江税发'], [AUTHORITIES.civilization, '江文明办']],
  诚信个体工商户: [[AUTHORITIES.market, '江市监信']],
  食品安全示范店: [[AUTHORITIES.market, '江市监食']],
  计量诚信单位: [[AUTHORITIES.market, '江市监量']],
  文明诚信市场: [[AUTHORITIES.commerce, '江商务'], [AUTHORITIES.civilization, '江文明办']],
  失信被执行人: [],
  拖欠农民工工资: [[AUTHORITIES.hrss, '江人社监']],
  食品药品安全: [[AUTHORITIES.market, '江市监罚']],
  安全生产: [[AUTHORITIES.emergency, '江应急罚']],
  电信诈骗典型案例: [[AUTHORITIES.police, '江公刑']],
};

const AMOUNT: Partial<Record<CreditCategoryName, (rng: Rng, person: boolean, workers: number) => number>> = {
  失信被执行人: (rng, person) => (person ? rng.int(50, 3000) * 100 : rng.int(200, 20000) * 100),
  拖欠农民工工资: (rng, _p, workers) => workers * rng.int(60, 300) * 100,
  食品药品安全: (rng) => rng.int(5, 200) * 1000,
  安全生产: (rng) => rng.int(3, 100) * 10000,
  电信诈骗典型案例: (rng) => rng.int(80, 6000) * 100,
};

function amountText(yuan: number): string {
  return yuan >= 10000 ? `${(yuan / 10000).toFixed(2).replace(/\.?0+$/, '')}万元` : `${yuan}元`;
}

export type CreditRowOptions = {
  today: string;
  categories: ScaleCategory[];
  /** Published, scheduled and draft batches with their release day; picked by `pickBatch`. */
  pickBatch: (rng: Rng) => { id: number; day: string };
  /** Numbering of codes and ID numbers continues across chunks. */
  first: number;
};

/** `count` credit entries; the i-th organisation gets code number first + i, the i-th person ID number first + i. */
export function creditRows(rng: Rng, count: number, options: CreditRowOptions): Columns {
  const out = columns(CREDIT_COLUMNS);
  for (let i = 0; i < count; i++) {
    const serial = options.first + i;
    const category = rng.pick(options.categories);
    const kind = weighted(rng, KINDS[category.name]);
    const person = kind === '自然人';
    const district = rng.pick(DISTRICTS);
    const batch = options.pickBatch(rng);
    const decisionDate = addDays(batch.day, -rng.int(3, 25));
    const year = Number(decisionDate.slice(0, 4));
    const gender = rng.chance(0.75) ? '男' : '女';
    const operator = personName(rng, gender);

    let name: string;
    let code: string | null = null;
    let id: string | null = null;
    let legalRep: string | null = null;
    if (person) {
      name = operator.name;
      id = idNumber(serial, gender);
    } else if (kind === '个体工商户') {
      const brand = rng.chance(0.3) ? `老${operator.surname}` : tradeName(rng);
      name = `${district.name}${brand}${rng.pick(SHOP_KINDS[category.name] ?? SHOP_KINDS['诚信个体工商户']!)}`;
      code = creditCode('92', district, serial);
      legalRep = operator.name;
    } else if (kind === '机关事业单位/社会组织') {
      name = `${CITY}${district.name}${rng.pick(['第一', '第二', '第三', '中心', '实验'])}${rng.pick(['中学', '小学', '医院', '幼儿园', '养老服务中心'])}`;
      code = creditCode(rng.chance(0.5) ? '12' : '52', district, serial);
      legalRep = operator.name;
    } else {
      const place = rng.pick([CITY, CITY_SHORT, CITY + district.name]);
      name = `${place}${tradeName(rng)}${rng.pick(COMPANY_INDUSTRIES[category.name])}有限公司`;
      code = creditCode('91', district, serial);
      legalRep = operator.name;
    }

    let authority: string;
    let basisDoc: string;
    let court: string = AUTHORITIES.intermediateCourt;
    if (category.name === '失信被执行人') {
      const local = rng.chance(0.5) ? districtCourt(district) : { name: court, caseCode: '江01' };
      court = authority = local.name;
      basisDoc = `（${year}）${local.caseCode}执${rng.int(100, 9999)}号`;
    } else {
      const [who, doc] = rng.pick(AUTHORITY_OF[category.name]);
      authority = who;
      basisDoc = `${doc}〔${year}〕${rng.int(1, 999)}号`;
    }
    const workers = rng.int(8, 60);
    const yuan = AMOUNT[category.name]?.(rng, person, workers) ?? null;
    const bank = REASONS[category.name];
    const reason = fill(rng.pick(person && bank.person ? bank.person : bank.org), {
      district: district.name,
      street: rng.pick(district.streets).name,
      year,
      month: `${year}年${rng.int(1, 12)}月`,
      n1: rng.int(2, 8),
      n2: rng.int(30, 400),
      pct: rng.int(92, 99),
      amountText: yuan === null ? '' : amountText(yuan),
      workers,
      project: rng.pick(PROJECTS),
      product: rng.pick(FOOD_PRODUCTS),
      issue: rng.pick(FOOD_ISSUES),
      accident: rng.pick(ACCIDENTS),
      court,
    });
    // One in fifty was removed after 信用修复, one in two hundred revoked.
    const roll = rng.next();
    const status = roll < 0.02 ? 'removed' : roll < 0.025 ? 'revoked' : 'public';
    const changed = status === 'public' ? null : at(addDays(batch.day, rng.int(30, 200)), 10, 30);
    const listed = batch.day;
    out.list!.push(category.list);
    out.category_id!.push(category.id);
    out.subject_kind!.push(kind);
    out.name!.push(name);
    out.credit_code!.push(code);
    out.legal_rep!.push(legalRep);
    out.id_number!.push(id);
    out.id_number_masked!.push(id && maskIdNumber(id));
    out.reason!.push(reason);
    out.amount!.push(yuan === null ? null : `${yuan}.${pad2(rng.chance(0.3) ? rng.int(1, 99) : 0)}`);
    out.authority!.push(authority);
    out.basis_doc!.push(basisDoc);
    out.decision_date!.push(decisionDate);
    out.listed_date!.push(listed);
    out.publication_end!.push(publicationEndDate(decisionDate, category.periodMonths));
    out.status!.push(status);
    out.status_reason!.push(status === 'removed' ? '已完成信用修复' : status === 'revoked' ? '认定决定已依法撤销' : null);
    out.status_changed_at!.push(changed?.toISOString() ?? null);
    out.batch_id!.push(batch.id);
    out.dedupe_key!.push(creditDedupeKey({ list: category.list, categoryId: category.id, creditCode: code, idNumber: id, name, decisionDate, basisDoc }));
    out.created_at!.push(at(addDays(listed, -1), 16, rng.int(0, 59)).toISOString());
    out.updated_at!.push((changed ?? at(listed, 15, 0)).toISOString());
  }
  return out;
}

/** Release days of the scale set's credit batches: every two months going back `count` times from `latest`. */
export function batchDays(latest: string, count: number): string[] {
  return Array.from({ length: count }, (_, age) => addMonths(latest, -2 * age));
}
