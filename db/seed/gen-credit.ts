// Demo 诚信红黑榜: categories, release batches and entries, dated relative to `today`.
import type { Db } from '../client';
import { creditDedupeKey } from '../../lib/credit-entry';
import { creditBatches, creditCategories, creditEntries, type SubjectKind } from '../schema';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '../../lib/credit-code';
import { addDays, addMonths } from '../../lib/dates';
import { ageOn, idNumberCheckChar } from '../../lib/id-number';
import { maskIdNumber } from '../../lib/mask';
import { publicationEndDate } from '../../lib/periods';
import { AUTHORITIES, CITY, DISTRICTS, districtCourt, type District } from './content/city';
import {
  ACCIDENTS,
  COMPANY_INDUSTRIES,
  CREDIT_CATEGORIES,
  FOOD_ISSUES,
  FOOD_PRODUCTS,
  PROJECTS,
  PUBLIC_ORGS,
  REASONS,
  SHOP_KINDS,
  TRADE_NAMES,
  type CategoryDef,
  type CreditCategoryName,
} from './content/credit';
import { at, insertRows, monthOf, NamePool, pad2, yearOf } from './common';
import { createRng, type Rng } from './random';
import { assertLength, fill } from './template';

type EntryRow = typeof creditEntries.$inferInsert;

/** Entries per category in one batch: the two oldest batches carry mostly 12-month categories (now expired). */
const OLD_PLAN: [CreditCategoryName, number][] = [
  ['拖欠农民工工资', 5],
  ['食品药品安全', 5],
  ['安全生产', 4],
  ['食品安全示范店', 4],
  ['失信被执行人', 2],
  ['诚信经营企业', 2],
];
const RECENT_PLAN: [CreditCategoryName, number][] = [
  ['诚信经营企业', 6],
  ['诚信个体工商户', 6],
  ['食品安全示范店', 4],
  ['计量诚信单位', 3],
  ['文明诚信市场', 2],
  ['失信被执行人', 9],
  ['拖欠农民工工资', 6],
  ['食品药品安全', 5],
  ['安全生产', 4],
  ['电信诈骗典型案例', 3],
];
const BATCH_COUNT = 8;
const OLD_BATCHES = 2;

/** Subject kinds by category: [kind, weight]. */
const KINDS: Record<CreditCategoryName, [SubjectKind, number][]> = {
  诚信经营企业: [['法人企业', 1]],
  诚信个体工商户: [['个体工商户', 1]],
  食品安全示范店: [['法人企业', 0.6], ['个体工商户', 0.4]],
  计量诚信单位: [['法人企业', 1]],
  文明诚信市场: [['法人企业', 1]],
  失信被执行人: [['自然人', 0.45], ['法人企业', 0.55]],
  拖欠农民工工资: [['自然人', 0.25], ['法人企业', 0.75]],
  食品药品安全: [['个体工商户', 0.6], ['法人企业', 0.4]],
  安全生产: [['法人企业', 1]],
  电信诈骗典型案例: [['自然人', 0.7], ['法人企业', 0.15], ['个体工商户', 0.15]],
};

function weighted<T>(rng: Rng, options: [T, number][]): T {
  let r = rng.next() * options.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of options) {
    r -= w;
    if (r < 0) return value;
  }
  return options[options.length - 1]![0];
}

/** 2026-03-14 batch -> "2026年第2期": one issue per two calendar months. */
function batchTitle(day: string): string {
  return `${yearOf(day)}年第${Math.floor((monthOf(day) - 1) / 2) + 1}期`;
}

function amountText(yuan: number): string {
  return yuan >= 10000 ? `${(yuan / 10000).toFixed(2).replace(/\.?0+$/, '')}万元` : `${yuan}元`;
}

class Generator {
  private readonly codes = new Set<string>();
  private readonly ids = new Set<string>();
  private readonly orgNames = new Set<string>();

  constructor(
    private readonly rng: Rng,
    readonly names: NamePool,
    private readonly today: string,
  ) {}

  reserveName(name: string): void {
    this.orgNames.add(name);
  }

  creditCode(prefix: string, district: District): string {
    for (;;) {
      let body = prefix + district.code;
      while (body.length < 17) body += this.rng.pick(Array.from(CREDIT_CODE_ALPHABET));
      const code = body + creditCodeCheckChar(body)!;
      if (!this.codes.has(code)) {
        this.codes.add(code);
        return code;
      }
    }
  }

  idNumber(gender: '男' | '女', fixed?: { birth: string; seq: number; district: District }): string {
    for (;;) {
      const district = fixed?.district ?? this.rng.pick(DISTRICTS);
      const birth = fixed?.birth;
      const seq = fixed?.seq;
      const birthDay = birth ?? `${this.rng.int(1960, 2000)}-${pad2(this.rng.int(1, 12))}-${pad2(this.rng.int(1, 28))}`;
      const order = seq ?? this.rng.int(0, 49) * 2 + (gender === '男' ? 1 : 0) + this.rng.int(0, 9) * 100;
      const first17 = district.code + birthDay.replace(/-/g, '') + String(order).padStart(3, '0');
      const id = first17 + idNumberCheckChar(first17)!;
      if (ageOn(birthDay, this.today) < 18) throw new Error(`demo ID number of a minor: ${id}`);
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  companyName(category: CreditCategoryName): string {
    for (let attempt = 0; attempt < 500; attempt++) {
      const name = `${CITY}${this.rng.pick(TRADE_NAMES)}${this.rng.pick(COMPANY_INDUSTRIES[category])}有限公司`;
      if (!this.orgNames.has(name)) {
        this.orgNames.add(name);
        return name;
      }
    }
    throw new Error(`no unique company name left for ${category}`);
  }

  /** "江南区老周小吃店": the operator's surname usually appears in the shop name. */
  shopName(category: CreditCategoryName, district: District, surname: string): string {
    const kinds = SHOP_KINDS[category] ?? SHOP_KINDS['诚信个体工商户']!;
    for (let attempt = 0; attempt < 500; attempt++) {
      const style = this.rng.int(0, 4);
      const brand = [`老${surname}`, `${surname}记`, `${surname}家`, this.rng.pick(TRADE_NAMES), this.rng.pick(TRADE_NAMES)][style]!;
      const name = `${district.name}${brand}${this.rng.pick(kinds)}`;
      if (!this.orgNames.has(name)) {
        this.orgNames.add(name);
        return name;
      }
    }
    throw new Error(`no unique shop name left for ${category}`);
  }
}

interface Subject {
  kind: SubjectKind;
  name: string;
  creditCode: string | null;
  legalRep: string | null;
  idNumber: string | null;
  district: District;
}

function makeSubject(rng: Rng, gen: Generator, category: CreditCategoryName, kind: SubjectKind): Subject {
  const district = rng.pick(DISTRICTS);
  if (kind === '自然人') {
    const person = gen.names.person(rng.chance(category === '失信被执行人' ? 0.65 : 0.85) ? '男' : '女');
    return { kind, name: person.name, creditCode: null, legalRep: null, idNumber: gen.idNumber(person.gender), district };
  }
  if (kind === '个体工商户') {
    const operator = gen.names.person();
    const name = gen.shopName(category, district, operator.surname);
    return { kind, name, creditCode: gen.creditCode('92', district), legalRep: operator.name, idNumber: null, district };
  }
  return { kind, name: gen.companyName(category), creditCode: gen.creditCode('91', district), legalRep: gen.names.person().name, idNumber: null, district };
}

interface BatchInfo {
  id: number;
  day: string;
  /** 0 = newest. */
  age: number;
}

interface Built {
  row: EntryRow;
  fixed: boolean;
  age: number;
}

function makeEntry(rng: Rng, category: CategoryDef & { id: number }, subject: Subject, batch: BatchInfo): EntryRow {
  const black = category.list === 'black';
  const decisionDate = addDays(batch.day, -(black ? rng.int(3, 25) : rng.int(3, 15)));
  const decisionYear = yearOf(decisionDate);
  const person = subject.kind === '自然人';

  let authority: string = AUTHORITIES.market;
  let basisDoc = '';
  let court = AUTHORITIES.intermediateCourt as string;
  let caseCode = '江01';
  const docNo = rng.int(3, 260);
  switch (category.name) {
    case '诚信经营企业': {
      const which = rng.int(0, 2);
      authority = [AUTHORITIES.market, AUTHORITIES.tax, AUTHORITIES.civilization][which]!;
      basisDoc = [`江市监信〔${decisionYear}〕${docNo}号`, `江税发〔${decisionYear}〕${docNo}号`, `江文明办〔${decisionYear}〕${docNo}号`][which]!;
      break;
    }
    case '诚信个体工商户':
      basisDoc = `江市监信〔${decisionYear}〕${docNo}号`;
      break;
    case '食品安全示范店':
      basisDoc = `江市监食〔${decisionYear}〕${docNo}号`;
      break;
    case '计量诚信单位':
      basisDoc = `江市监量〔${decisionYear}〕${docNo}号`;
      break;
    case '文明诚信市场':
      authority = rng.chance(0.5) ? AUTHORITIES.commerce : AUTHORITIES.civilization;
      basisDoc = authority === AUTHORITIES.commerce ? `江商务〔${decisionYear}〕${docNo}号` : `江文明办〔${decisionYear}〕${docNo}号`;
      break;
    case '失信被执行人': {
      if (rng.chance(0.5)) {
        const dc = districtCourt(subject.district);
        court = dc.name;
        caseCode = dc.caseCode;
      }
      authority = court;
      basisDoc = `（${decisionYear - (rng.chance(0.4) ? 1 : 0)}）${caseCode}执${rng.int(100, 2999)}号`;
      break;
    }
    case '拖欠农民工工资':
      authority = AUTHORITIES.hrss;
      basisDoc = `江人社监〔${decisionYear}〕${docNo}号`;
      break;
    case '食品药品安全':
      basisDoc = `江市监罚〔${decisionYear}〕${docNo}号`;
      break;
    case '安全生产':
      authority = AUTHORITIES.emergency;
      basisDoc = `江应急罚〔${decisionYear}〕${docNo}号`;
      break;
    case '电信诈骗典型案例':
      authority = AUTHORITIES.police;
      basisDoc = `江公刑〔${decisionYear}〕${docNo}号`;
      break;
  }

  const workers = rng.int(8, 60);
  let yuan: number | null = null;
  switch (category.name) {
    case '失信被执行人':
      yuan = person ? rng.int(50, 3000) * 100 : rng.int(200, 20000) * 100;
      break;
    case '拖欠农民工工资':
      yuan = workers * rng.int(60, 300) * 100;
      break;
    case '食品药品安全':
      yuan = rng.int(5, 200) * 1000;
      break;
    case '安全生产':
      yuan = rng.int(3, 100) * 10000;
      break;
    case '电信诈骗典型案例':
      yuan = rng.int(80, 6000) * 100;
      break;
    default:
      yuan = null;
  }
  const cents = yuan !== null && rng.chance(0.3) ? rng.int(1, 99) : 0;

  const before = addDays(decisionDate, -rng.int(20, 90));
  const vars = {
    district: subject.district.name,
    street: rng.pick(subject.district.streets).name,
    year: decisionYear,
    month: `${yearOf(before)}年${monthOf(before)}月`,
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
  };
  const bank = REASONS[category.name];
  const templates = person && bank.person ? bank.person : bank.org;
  const reason = assertLength(`reason of ${subject.name}`, fill(rng.pick(templates), vars), 60, 200);

  return {
    list: category.list,
    categoryId: category.id,
    subjectKind: subject.kind,
    name: subject.name,
    creditCode: subject.creditCode,
    legalRep: subject.legalRep,
    idNumber: subject.idNumber,
    idNumberMasked: subject.idNumber ? maskIdNumber(subject.idNumber) : null,
    reason,
    amount: yuan === null ? null : `${yuan}.${pad2(cents)}`,
    authority,
    basisDoc,
    decisionDate,
    listedDate: batch.day,
    publicationEnd: publicationEndDate(decisionDate, category.periodMonths),
    status: 'public',
    batchId: batch.id,
    dedupeKey: creditDedupeKey({
      list: category.list,
      categoryId: category.id,
      creditCode: subject.creditCode,
      idNumber: subject.idNumber,
      name: subject.name,
      decisionDate,
      basisDoc,
    }),
    createdAt: at(addDays(batch.day, -1), 16, rng.int(0, 59)),
    updatedAt: at(batch.day, 15, 0),
  };
}

export interface CreditSummary {
  creditCategories: number;
  creditBatches: number;
  creditEntries: number;
  expiredEntries: number;
  naturalPersons: number;
}

export async function seedCredit(db: Db, today: string): Promise<CreditSummary> {
  const rng = createRng('civic-demo:credit');
  const names = new NamePool(rng);
  const gen = new Generator(rng, names, today);

  const categoryRows = await db
    .insert(creditCategories)
    .values(CREDIT_CATEGORIES.map((c, i) => ({ list: c.list, name: c.name, periodMonths: c.periodMonths, personNameMasking: c.personNameMasking, sortOrder: i + 1 })))
    .returning({ id: creditCategories.id, name: creditCategories.name });
  const categories = new Map(CREDIT_CATEGORIES.map((c) => [c.name, { ...c, id: categoryRows.find((r) => r.name === c.name)!.id }]));
  const cat = (name: CreditCategoryName) => categories.get(name)!;

  // Releases every two months going back from shortly before today; inserted oldest first.
  const latest = addDays(today, -8);
  const days = Array.from({ length: BATCH_COUNT }, (_, age) => addMonths(latest, -2 * age)).reverse();
  const batchRows = await db
    .insert(creditBatches)
    .values(days.map((day) => ({ title: batchTitle(day), status: 'published' as const, publishedAt: at(day, 15, 0), createdAt: at(addDays(day, -3), 9, 0), updatedAt: at(day, 15, 0) })))
    .returning({ id: creditBatches.id });
  const batches: BatchInfo[] = batchRows.map((b, i) => ({ id: b.id, day: days[i]!, age: BATCH_COUNT - 1 - i }));
  const newest = batches[batches.length - 1]!;

  const built: Built[] = [];
  const add = (category: CreditCategoryName, subject: Subject, batch: BatchInfo, fixed = false) =>
    built.push({ row: makeEntry(rng, cat(category), subject, batch), fixed, age: batch.age });

  // Fixed entries that tests and demos can rely on: three names sharing "诚信达", one natural person.
  const fixedPerson = '欧阳建国';
  names.reserve(fixedPerson);
  ['江城市诚信达物流有限公司', '江城诚信达建材商行', '临湖区诚信达便利店'].forEach((n) => gen.reserveName(n));
  const d = (name: string) => DISTRICTS.find((x) => x.name === name)!;
  add('诚信经营企业', { kind: '法人企业', name: '江城市诚信达物流有限公司', creditCode: gen.creditCode('91', d('江南区')), legalRep: names.person('男').name, idNumber: null, district: d('江南区') }, newest, true);
  add('诚信个体工商户', { kind: '个体工商户', name: '江城诚信达建材商行', creditCode: gen.creditCode('92', d('江北区')), legalRep: names.person('女').name, idNumber: null, district: d('江北区') }, newest, true);
  add('食品药品安全', { kind: '个体工商户', name: '临湖区诚信达便利店', creditCode: gen.creditCode('92', d('临湖区')), legalRep: names.person('男').name, idNumber: null, district: d('临湖区') }, newest, true);
  add('失信被执行人', { kind: '自然人', name: fixedPerson, creditCode: null, legalRep: null, idNumber: gen.idNumber('男', { birth: '1978-03-15', seq: 131, district: d('江南区') }), district: d('江南区') }, newest, true);

  for (const batch of batches) {
    const plan = batch.age >= BATCH_COUNT - OLD_BATCHES ? OLD_PLAN : RECENT_PLAN;
    for (const [category, count] of plan) {
      for (let i = 0; i < count; i++) add(category, makeSubject(rng, gen, category, weighted(rng, KINDS[category])), batch);
    }
  }
  // 事业单位 and 民办非企业单位, one per recent batch.
  PUBLIC_ORGS.forEach((org, i) => {
    const batch = batches[batches.length - 1 - (i % (BATCH_COUNT - OLD_BATCHES))]!;
    const district = rng.pick(DISTRICTS);
    gen.reserveName(org.name);
    add(org.category, { kind: '机关事业单位/社会组织', name: org.name, creditCode: gen.creditCode(org.prefix, district), legalRep: names.person().name, idNumber: null, district }, batch);
  });

  // Five black-list entries removed after 信用修复, from batches four to ten months old.
  const candidates = built.filter((b) => !b.fixed && b.row.list === 'black' && b.age >= 2 && b.age < BATCH_COUNT - OLD_BATCHES && b.row.publicationEnd! >= today);
  for (const b of rng.sample(candidates, 5)) {
    const changed = at(addDays(b.row.listedDate!, rng.int(30, 90)), 10, 30);
    Object.assign(b.row, { status: 'removed', statusReason: '已完成信用修复', statusChangedAt: changed, updatedAt: changed });
  }

  const rows = built.map((b) => b.row);
  await insertRows(db, creditEntries, rows);
  return {
    creditCategories: categoryRows.length,
    creditBatches: batchRows.length,
    creditEntries: rows.length,
    expiredEntries: rows.filter((r) => r.publicationEnd! < today).length,
    naturalPersons: rows.filter((r) => r.subjectKind === '自然人').length,
  };
}
