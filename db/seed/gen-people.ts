// Demo 好人榜: monthly batches, good people and 道德模范, dated relative to `today`.
import type { Db } from '../client';
import { goodPeople, goodPeopleBatches } from '../schema';
import { addDays, addMonths } from '../../lib/dates';
import { PLACES, ROADS } from './content/city';
import { BACKGROUNDS, COMMON_PARAGRAPHS, MODEL_PARAGRAPHS, STORY_FRAMES } from './content/people-common';
import { BRAVE, HELPING, HONEST } from './content/people-scenarios-a';
import { DEDICATED, FILIAL } from './content/people-scenarios-b';
import { GOOD_PERSON_CATEGORIES } from '../../lib/enums';
import type { DeedScenario, GoodCategory } from './content/people-types';
import { at, insertRows, NamePool, pickPlace, yearOf } from './common';
import { createRng, type Rng } from './random';
import { assertLength, charLength, fill, type Vars } from './template';

type PersonRow = typeof goodPeople.$inferInsert;
type Level = '身边好人' | '市级好人' | '道德模范';

const SCENARIOS: Record<GoodCategory, DeedScenario[]> = {
  助人为乐: HELPING,
  见义勇为: BRAVE,
  诚实守信: HONEST,
  敬业奉献: DEDICATED,
  孝老爱亲: FILIAL,
};

/** Draws from named decks without repeats until a deck is used up, so consecutive people differ. */
class Decks {
  private readonly decks = new Map<string, unknown[]>();

  constructor(private readonly rng: Rng) {}

  draw<T>(key: string, items: readonly T[]): T {
    let deck = this.decks.get(key) as T[] | undefined;
    if (!deck || deck.length === 0) {
      deck = this.rng.shuffle(items);
      this.decks.set(key, deck);
    }
    return deck.pop()!;
  }
}

const range = (rng: Rng, r: [number, number] | undefined, fallback: [number, number]) => rng.int(...(r ?? fallback));

function callOf(scenario: DeedScenario, surname: string, gender: '男' | '女', age: number): string {
  if (age < 30) return `小${surname}`;
  if (scenario.call) return fill(scenario.call, { surname });
  if (age >= 50) return gender === '男' ? `老${surname}` : `${surname}阿姨`;
  return gender === '男' ? `${surname}大哥` : `${surname}大姐`;
}

type GeneratedPerson = Omit<PersonRow, 'batchId' | 'status' | 'publishedAt' | 'level'>;

function person(rng: Rng, names: NamePool, deck: Decks, category: GoodCategory, deedDay: string, today: string, long: boolean): GeneratedPerson {
  const scenario = deck.draw(`scenario:${category}`, SCENARIOS[category]);
  const frame = STORY_FRAMES[category];
  const age = range(rng, scenario.age, [30, 60]);
  const gender = scenario.gender ?? (rng.chance(0.5) ? '男' : '女');
  const { name, surname } = names.person(gender);
  const place = pickPlace(rng);
  const thisYear = yearOf(today);
  const base: Vars = {
    name,
    surname,
    ta: gender === '男' ? '他' : '她',
    call: callOf(scenario, surname, gender, age),
    district: place.district.name,
    street: place.street,
    community: place.community,
    region: `${place.district.name}${place.street}${place.community}`,
    years: Math.min(range(rng, scenario.years, [3, 15]), age - 18),
    when: `${yearOf(deedDay)}年${Number(deedDay.slice(5, 7))}月${Number(deedDay.slice(8, 10))}日`,
    road: rng.pick(ROADS),
    place: rng.pick(PLACES),
    n1: range(rng, scenario.n1, [3, 12]),
    n2: range(rng, scenario.n2, [100, 600]),
    n3: range(rng, scenario.n3, [1000, 5000]),
    year: thisYear,
    lastYear: thisYear - 1,
  };
  const unit = scenario.units ? fill(rng.pick(scenario.units), base) : null;
  const vars: Vars = { ...base, unit: unit ?? `${place.street}${place.community}` };

  const deed = assertLength(`deed of ${name}`, fill(scenario.deed, vars), 30, 200);
  const quote = () => `“${fill(rng.pick(frame.quotes), vars)}”${rng.pick(frame.speakers)}${names.person().name}说。`;
  const general = rng.shuffle(frame.general).map((t) => fill(t, vars));
  const common = rng.shuffle(COMMON_PARAGRAPHS).map((t) => fill(t, vars));
  const paragraphs = [
    fill(deck.draw(`intro:${category}`, frame.intros), vars),
    fill(deck.draw(`background:${category}`, BACKGROUNDS[category]), vars),
    ...scenario.paragraphs.map((t) => fill(t, vars)),
    general[0]!,
    quote(),
  ];
  if (long) {
    // 道德模范: a second background, more general paragraphs and the model's later years.
    const second = BACKGROUNDS[category].find((t) => !paragraphs.includes(fill(t, vars)));
    if (second) paragraphs.splice(2, 0, fill(second, vars));
    paragraphs.push(general[1]!, ...MODEL_PARAGRAPHS.map((t) => fill(t, vars)), quote());
  }
  const closing = fill(deck.draw(`closing:${category}`, frame.closings), vars);
  // Pad to the target length with further general and common paragraphs.
  const target = long ? 1150 : 650;
  const padding = [...general.slice(long ? 2 : 1), ...common];
  const total = () => charLength([...paragraphs, closing].join(''));
  while (total() < target && padding.length > 0) paragraphs.push(padding.shift()!);
  paragraphs.push(closing);
  const story = paragraphs.join('\n\n');
  assertLength(`story of ${name}`, story.replace(/\n/g, ''), long ? 1000 : 600, 1500);

  return {
    name,
    gender,
    birthYear: long || rng.chance(0.8) ? thisYear - age : null,
    region: `${place.district.name} ${place.street} ${place.community}`,
    unit,
    category,
    deed,
    story,
    honors: rng.chance(0.55) ? fill(rng.pick(frame.honors), vars) : '',
    likeCount: rng.int(0, 800),
    photo: null,
  };
}

export interface PeopleSummary {
  batches: number;
  people: number;
  publishedPeople: number;
  models: number;
}

const monthTitle = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月 江城身边好人榜`;

export async function seedPeople(db: Db, today: string): Promise<PeopleSummary> {
  const rng = createRng('civic-demo:people');
  const names = new NamePool(rng);
  const deck = new Decks(rng);
  const rows: PersonRow[] = [];
  let batchCount = 0;
  let publishedPeople = 0;

  // Three published monthly lists before today's month, then this month's list still in draft.
  for (let k = 3; k >= 0; k--) {
    const month = addMonths(today, -k).slice(0, 7);
    const published = k > 0;
    // Published on the 10th of the following month, or yesterday when that is not yet past.
    let publishDay = addMonths(`${month}-10`, 1);
    if (publishDay >= today) publishDay = addDays(today, -1);
    const publishedAt = published ? at(publishDay, 10, 0) : null;
    const [batch] = await db
      .insert(goodPeopleBatches)
      .values({
        month,
        title: monthTitle(month),
        status: published ? 'published' : 'draft',
        publishedAt,
        createdAt: at(published ? addDays(publishDay, -12) : addDays(today, -3), 9, 30),
        updatedAt: publishedAt ?? at(addDays(today, -1), 17, 10),
      })
      .returning({ id: goodPeopleBatches.id });
    batchCount++;

    const categories: GoodCategory[] = published
      ? rng.shuffle(GOOD_PERSON_CATEGORIES.flatMap((c) => [c, c, c]))
      : rng.sample(GOOD_PERSON_CATEGORIES, 3);
    const cityLevel = new Set(published ? rng.sample(categories.map((_, i) => i), rng.int(2, 3)) : []);
    categories.forEach((category, i) => {
      // Deeds happen one to three months before the list.
      const deedDay = addDays(addMonths(`${month}-01`, -rng.int(0, 2)), rng.int(0, 26));
      const row = person(rng, names, deck, category, deedDay < today ? deedDay : addDays(today, -20), today, false);
      const level: Level = cityLevel.has(i) ? '市级好人' : '身边好人';
      rows.push({
        ...row,
        level,
        batchId: batch!.id,
        status: published ? 'published' : 'draft',
        publishedAt,
        likeCount: published ? row.likeCount : 0,
        createdAt: publishedAt ? new Date(publishedAt.getTime() - 15 * 86_400_000) : at(addDays(today, -2), 14, 0),
        updatedAt: publishedAt ?? at(addDays(today, -1), 11, 0),
      });
      if (published) publishedPeople++;
    });
  }

  // 第五届江城市道德模范, elected about eight months ago.
  const electedDay = addMonths(today, -8);
  const modelCategories: GoodCategory[] = ['敬业奉献', '孝老爱亲', '助人为乐'];
  for (const category of modelCategories) {
    const row = person(rng, names, deck, category, addMonths(electedDay, -14), today, true);
    const publishedAt = at(electedDay, 10, 0);
    rows.push({
      ...row,
      level: '道德模范',
      term: 5,
      batchId: null,
      status: 'published',
      publishedAt,
      honors: ['第五届江城市道德模范', row.honors].filter(Boolean).join('；'),
      likeCount: rng.int(300, 800),
      createdAt: new Date(publishedAt.getTime() - 20 * 86_400_000),
      updatedAt: publishedAt,
    });
  }

  await insertRows(db, goodPeople, rows);
  return { batches: batchCount, people: rows.length - modelCategories.length, publishedPeople, models: modelCategories.length };
}
