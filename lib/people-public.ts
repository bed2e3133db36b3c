// Pure helpers for the public 好人榜 pages: list filters from the query string, 届 names, paragraphs,
// the browser-id cookie's shape and the citizens' messages. No Node imports: client components may use it.

import { GOOD_PERSON_CATEGORIES, GOOD_PERSON_LEVELS } from './enums';
export type GoodCategory = (typeof GOOD_PERSON_CATEGORIES)[number];
export type GoodLevel = (typeof GOOD_PERSON_LEVELS)[number];

export type PeopleFilters = { category?: GoodCategory; level?: GoodLevel; year?: number };

type Param = string | string[] | undefined;
const first = (value: Param) => (Array.isArray(value) ? value[0] : value)?.trim() ?? '';

/** The list filters from `?category=&level=&year=`; unknown values are dropped, never passed on. */
export function parsePeopleFilters(params: { category?: Param; level?: Param; year?: Param }): PeopleFilters {
  const filters: PeopleFilters = {};
  const category = first(params.category);
  const level = first(params.level);
  const year = first(params.year);
  if ((GOOD_PERSON_CATEGORIES as readonly string[]).includes(category)) filters.category = category as GoodCategory;
  if ((GOOD_PERSON_LEVELS as readonly string[]).includes(level)) filters.level = level as GoodLevel;
  if (/^(19|20)\d{2}$/.test(year)) filters.year = Number(year);
  return filters;
}

export function hasFilters(filters: PeopleFilters): boolean {
  return Boolean(filters.category || filters.level || filters.year);
}

/** `/good-people?category=…&page=2`: the address of a filtered list page (page 1 is left out). */
export function filtersHref(filters: PeopleFilters, page = 1): string {
  const query = new URLSearchParams();
  if (filters.category) query.set('category', filters.category);
  if (filters.level) query.set('level', filters.level);
  if (filters.year) query.set('year', String(filters.year));
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `/good-people?${text}` : '/good-people';
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 5 -> 五, 10 -> 十, 12 -> 十二, 20 -> 二十, 23 -> 二十三 (届 numbers stay small). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** 第五届: the name of a 道德模范 term. */
export function termName(term: number): string {
  return `第${chineseNumber(term)}届`;
}

/** Story text as paragraphs: blank lines (or single line breaks) separate them; empty ones are dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}


// Answers to citizens, shared by the actions and the forms that show them.
export const ALREADY_LIKED = '您今天已经为TA点过赞了，明天再来吧。';
export const COMMENT_RECEIVED = '评论已提交，审核通过后显示。';
export const REPORT_RECEIVED = '已收到您的举报，我们会尽快核查。';
export const STATUS_NOT_FOUND = '未找到该回执号，或手机号不匹配';
