// Helpers shared by the demo-data generators: times in the city's zone, places, unique names, chunked inserts.
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { DISTRICTS, FEMALE_GIVEN, MALE_GIVEN, SURNAMES, type District } from './content/city';
import type { Rng } from './random';

export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** An instant at hh:mm on a yyyy-mm-dd day in Asia/Shanghai (UTC+8, no daylight saving). */
export function at(day: string, hour: number, minute = 0): Date {
  return new Date(`${day}T${pad2(hour)}:${pad2(minute)}:00+08:00`);
}

export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

export function monthOf(day: string): number {
  return Number(day.slice(5, 7));
}

/** 2026-11-05 -> 11月5日 */
export function monthDayText(day: string): string {
  return `${monthOf(day)}月${Number(day.slice(8, 10))}日`;
}

/** 2026-11-05 -> 2026年11月5日 */
export function fullDateText(day: string): string {
  return `${yearOf(day)}年${monthDayText(day)}`;
}

export interface Place {
  district: District;
  street: string;
  community: string;
}

export function pickPlace(rng: Rng, district?: District): Place {
  const d = district ?? rng.pick(DISTRICTS);
  const street = rng.pick(d.streets);
  return { district: d, street: street.name, community: rng.pick(street.communities) };
}

export interface PersonName {
  name: string;
  surname: string;
  gender: '男' | '女';
}

/** Hands out person names that are unique within one pool. Common surnames come up more often. */
export class NamePool {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  surname(): string {
    const index = Math.floor(this.rng.next() ** 1.6 * SURNAMES.length);
    return SURNAMES[Math.min(index, SURNAMES.length - 1)]!;
  }

  person(gender?: '男' | '女', surname?: string): PersonName {
    const g = gender ?? (this.rng.chance(0.5) ? '男' : '女');
    for (let attempt = 0; attempt < 200; attempt++) {
      const s = surname ?? this.surname();
      const name = s + this.rng.pick(g === '男' ? MALE_GIVEN : FEMALE_GIVEN);
      if (!this.used.has(name)) {
        this.used.add(name);
        return { name, surname: s, gender: g };
      }
    }
    throw new Error('NamePool: ran out of unique names');
  }

  /** Reserves a fixed name so that generated ones never repeat it. */
  reserve(name: string): void {
    this.used.add(name);
  }
}

const CHUNK = 200;

/** Multi-row inserts in chunks of 200 rows. */
export async function insertRows<T extends PgTable>(db: Db, table: T, rows: PgInsertValue<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.insert(table).values(rows.slice(i, i + CHUNK));
  }
}
