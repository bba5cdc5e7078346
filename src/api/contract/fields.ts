/** Field shapes the schemas share, problems included. */
import * as z from 'zod/mini';

export const id = z.string().check(z.minLength(1), z.maxLength(200));
export const count = z.int().check(z.gte(0));
