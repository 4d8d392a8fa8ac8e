import { z } from 'zod';
import { TRAY_TITLE_CHOICES } from '../../shared/domain/settings';
import type { InvokeArgs, InvokeName } from '../../shared/ipc/contract';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const pollSeconds = z.number().int().min(60).max(86_400).optional();

const settingsPatch = z
  .object({
    thresholds: z.array(z.number().min(1).max(100)).max(10).optional(),
    lockoutLeadMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .optional(),
    notifyOnReset: z.boolean().optional(),
    pollIntervalSeconds: z
      .object({ oauth: pollSeconds, web: pollSeconds, admin: pollSeconds })
      .strict()
      .optional(),
    quietHours: z.object({ start: clockTime, end: clockTime }).strict().nullable().optional(),
    launchAtLogin: z.boolean().optional(),
    trayTitle: z.enum(TRAY_TITLE_CHOICES).optional(),
    sources: z
      .object({
        oauth: z.boolean().optional(),
        web: z.boolean().optional(),
        admin: z.boolean().optional(),
        statusline: z.boolean().optional(),
        logs: z.boolean().optional(),
      })
      .strict()
      .optional(),
    monthlyBudgetUsd: z.number().positive().max(10_000_000).nullable().optional(),
    autoUpdate: z.boolean().optional(),
    windowThresholds: z
      .record(
        z.string().regex(/^[a-z0-9_]{1,64}$/),
        z.array(z.number().min(1).max(100)).max(10).nullable(),
      )
      .optional(),
  })
  .strict();

const credentialId = z.enum(['web', 'admin']);

/**
 * The shape of every request's arguments, checked in main before a handler runs. A pasted
 * credential is bounded in length; its content is judged by the credential service.
 */
export const invokeArgSchemas: { readonly [N in InvokeName]: z.ZodType<InvokeArgs<N>> } = {
  getPopover: z.tuple([]),
  refresh: z.tuple([]),
  getSettings: z.tuple([]),
  saveSettings: z.tuple([settingsPatch]) as z.ZodType<InvokeArgs<'saveSettings'>>,
  storeCredential: z.tuple([
    z.object({ id: credentialId, value: z.string().min(1).max(4_096) }).strict(),
  ]),
  clearCredential: z.tuple([z.object({ id: credentialId }).strict()]),
  snooze: z.tuple([z.object({ choice: z.enum(['1h', 'tomorrow', 'off']) }).strict()]),
  openSettings: z.tuple([]),
  hidePopover: z.tuple([]),
  fitPopover: z.tuple([z.object({ height: z.number().int().min(1).max(100_000) }).strict()]),
  copyText: z.tuple([z.object({ text: z.string().min(1).max(500) }).strict()]),
  quit: z.tuple([]),
  sendTestNotification: z.tuple([]),
  openLogFile: z.tuple([]),
  restartToUpdate: z.tuple([]),
  installStatusLine: z.tuple([z.object({ replace: z.boolean() }).strict()]),
};
