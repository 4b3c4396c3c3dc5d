/** The console's way to choose its user interface language (user menu > Languages), spread into `methods` (messages.ts). */
import { z } from 'zod';
import { Me } from './models.js';

/** A language tag as sent; the appliance answers E_LANGUAGE_UNSUPPORTED for tags it does not offer. */
export const UiLanguageInput = z.object({
  language: z.string().trim().min(1).max(35),
  /** Whose language: omitted means the caller's own (the only one a user may set). */
  userId: z.number().int().positive().optional(),
});

export const uiLanguageMethods = {
  /** Stores the user's interface language; every open console and /login page of theirs switches to it. */
  'account.setUiLanguage': { params: UiLanguageInput, result: Me },
} as const;
