/**
 * Composes the site's e-mails in a user's preferred e-mail language (users.language, My Account >
 * E-mail settings). Languages without templates (es-ES) get English.
 */
import { EMAIL_TEMPLATES, type EmailCatalogue, type EmailKind, type EmailValues } from './email-templates.js';

export interface ComposedEmail {
  subject: string;
  body: string;
  /** The catalogue used: 'en', 'fr' or 'de'. */
  language: EmailCatalogue;
}

/** The template language for a stored preference ("fr-FR" → fr; anything unknown → en). */
export function emailCatalogueOf(preference: string | null | undefined): EmailCatalogue {
  const base = (preference ?? '').slice(0, 2).toLowerCase();
  return base === 'fr' || base === 'de' ? base : 'en';
}

const fill = (text: string, values: Record<string, string>): string => text.replace(/\{(\w+)\}/g, (m, name: string) => values[name] ?? m);

/** The e-mail `kind` in `preference`'s language, with its values filled in. */
export function renderEmail<K extends EmailKind>(kind: K, preference: string | null | undefined, values: EmailValues[K]): ComposedEmail {
  const language = emailCatalogueOf(preference);
  const t = EMAIL_TEMPLATES[kind][language];
  const v = values as unknown as Record<string, string>;
  return { subject: fill(t.subject, v), body: fill(t.body, v), language };
}
