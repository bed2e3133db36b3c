// Every field of every object-shaped site setting has a Chinese name in the audit log: a new setting
// field without one would show its code name (recommendationDays) to the people reading the log.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { handlingTimesSchema, siteInfoSchema } from '@/db/queries/settings';
import { fieldLabel } from '@/lib/audit-labels';

const HAN = /\p{Script=Han}/u;

describe('site settings in the audit log', () => {
  it.each([
    ['siteInfo', siteInfoSchema],
    ['handlingTimes', handlingTimesSchema],
  ] as const)('names every field of %s in Chinese', (_key, schema: z.ZodObject) => {
    const fields = Object.keys(schema.shape);
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) expect(fieldLabel(field, 'setting'), field).toMatch(HAN);
  });
});
