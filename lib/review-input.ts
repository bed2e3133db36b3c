// Input rules shared by the review forms of every domain (the rules themselves are in lib/workflow.ts).
import { z } from 'zod';
import { OVERRIDE_LABEL } from './workflow';

/** An admin's written reason for approving their own work (三审三校 override). */
export const overrideReasonField = z.string().trim().max(500, `${OVERRIDE_LABEL}不超过500个字`).optional();
