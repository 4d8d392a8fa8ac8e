/** What checking outside data against a schema gives: the value, or why it is not one. */
export type SchemaResult<T> =
  | { readonly success: true; readonly data: T }
  | {
      readonly success: false;
      readonly error: { readonly issues: readonly { message: string }[] };
    };

/**
 * A stored file's schema, as the stores use it: zod's `safeParse` shape, so a zod schema is one,
 * and a small one written by hand (history-schema.ts) keeps zod out of a path that must start fast.
 */
export interface Schema<T> {
  safeParse(data: unknown): SchemaResult<T>;
}
