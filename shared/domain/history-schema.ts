import { z } from 'zod';
import type { History } from './history';

/** The shape of a persisted history file. */
export const historySchema: z.ZodType<History> = z.object({
  version: z.literal(1),
  series: z.record(z.string(), z.array(z.tuple([z.number(), z.number(), z.number().nullable()]))),
});
