// Shapes shared by the good-people phrase banks.

import type { GoodPersonCategory } from '../../../lib/enums';

export type GoodCategory = GoodPersonCategory;

/**
 * One kind of deed. Slots: {name} {surname} {call} {ta} {district} {street} {community} {region}
 * {unit} {years} {when} {road} {place} {n1} {n2} {n3}.
 */
export interface DeedScenario {
  /** One-line deed (must come out at 30-200 characters). */
  deed: string;
  /** Two or three story paragraphs specific to this deed. */
  paragraphs: string[];
  /** Age range of a plausible person. */
  age: [number, number];
  /** Range of {years}: how long the person has done it. */
  years: [number, number];
  gender?: '男' | '女';
  /** Work unit templates; absent for people without one. */
  units?: string[];
  /** How neighbours call the person, e.g. '{surname}老师'; default by age and gender. */
  call?: string;
  /** Ranges of the numeric slots. */
  n1?: [number, number];
  n2?: [number, number];
  n3?: [number, number];
}
