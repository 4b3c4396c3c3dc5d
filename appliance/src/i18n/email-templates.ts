/**
 * The e-mails the site composes, in English, French and German. `{name}` marks a value filled in by
 * `renderEmail`. A session key's e-mail goes to a customer but is written in the REP's preferred
 * e-mail language (My Account > E-mail settings), as the rep is the one who sends it.
 */
export type EmailCatalogue = 'en' | 'fr' | 'de';

export const EMAIL_KINDS = ['sessionKey', 'externalInvite'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** The values each e-mail needs. */
export interface EmailValues {
  sessionKey: { rep: string; url: string; key: string };
  externalInvite: { rep: string; url: string; key: string };
}

interface Template {
  subject: string;
  body: string;
}

export const EMAIL_TEMPLATES: Record<EmailKind, Record<EmailCatalogue, Template>> = {
  sessionKey: {
    en: {
      subject: 'Remote support session',
      body: '{rep} has invited you to a remote support session.\n\nOpen this link to start it:\n{url}\n\nOr enter this session key on the support portal: {key}',
    },
    fr: {
      subject: 'Session d’assistance à distance',
      body: '{rep} vous a invité à une session d’assistance à distance.\n\nOuvrez ce lien pour la démarrer :\n{url}\n\nOu saisissez cette clé de session sur le portail d’assistance : {key}',
    },
    de: {
      subject: 'Remote-Support-Sitzung',
      body: '{rep} hat Sie zu einer Remote-Support-Sitzung eingeladen.\n\nÖffnen Sie diesen Link, um sie zu starten:\n{url}\n\nOder geben Sie diesen Sitzungsschlüssel im Support-Portal ein: {key}',
    },
  },
  externalInvite: {
    en: {
      subject: 'Join a remote support session',
      body: '{rep} invites you to join a remote support session.\n\nOpen this link to join:\n{url}\n\nOr enter this key on the support portal: {key}',
    },
    fr: {
      subject: 'Rejoindre une session d’assistance à distance',
      body: '{rep} vous invite à rejoindre une session d’assistance à distance en tant que technicien d’assistance externe.\n\nOuvrez ce lien pour la rejoindre :\n{url}\n\nOu saisissez cette clé sur le portail d’assistance : {key}',
    },
    de: {
      subject: 'An einer Remote-Support-Sitzung teilnehmen',
      body: '{rep} lädt Sie als externen Support-Techniker zu einer Remote-Support-Sitzung ein.\n\nÖffnen Sie diesen Link, um teilzunehmen:\n{url}\n\nOder geben Sie diesen Schlüssel im Support-Portal ein: {key}',
    },
  },
};
