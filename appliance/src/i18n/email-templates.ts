/**
 * The e-mails the site composes, in English, French and German. `{name}` marks a value filled in by
 * `renderEmail`. A session key's e-mail goes to a customer but is written in the REP's preferred
 * e-mail language (My Account > E-mail settings), as the rep is the one who sends it.
 */
export type EmailCatalogue = 'en' | 'fr' | 'de';

export const EMAIL_KINDS = ['sessionKey', 'externalInvite', 'jumpClientInstaller', 'extendedAvailability', 'passwordChanged'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** The values each e-mail needs. */
export interface EmailValues {
  sessionKey: { rep: string; url: string; key: string };
  externalInvite: { rep: string; url: string; key: string };
  jumpClientInstaller: { host: string; url: string; expires: string };
  extendedAvailability: { rep: string; url: string; key: string };
  passwordChanged: { username: string; site: string };
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
  jumpClientInstaller: {
    en: {
      subject: 'Jump Client installer for {host}',
      body: 'Hello,\n\nYour support team has sent you a Jump Client installer for {host}. Once it is installed, a representative can reach this computer to help you, even when you are away.\n\nDownload the installer and run it:\n{url}\n\nThis installer is valid until {expires}.',
    },
    fr: {
      subject: 'Programme d’installation de Jump Client pour {host}',
      body: 'Bonjour,\n\nVotre équipe d’assistance vous a envoyé un programme d’installation de Jump Client pour {host}. Une fois installé, un technicien d’assistance peut accéder à cet ordinateur pour vous aider, même en votre absence.\n\nTéléchargez le programme d’installation et exécutez-le :\n{url}\n\nCe programme d’installation est valide jusqu’au {expires}.',
    },
    de: {
      subject: 'Jump-Client-Installationsprogramm für {host}',
      body: 'Guten Tag,\n\nIhr Support-Team hat Ihnen ein Jump-Client-Installationsprogramm für {host} gesendet. Nach der Installation kann ein Support-Techniker auf diesen Computer zugreifen, um Ihnen zu helfen, auch wenn Sie nicht anwesend sind.\n\nLaden Sie das Installationsprogramm herunter und führen Sie es aus:\n{url}\n\nDieses Installationsprogramm ist gültig bis {expires}.',
    },
  },
  extendedAvailability: {
    en: {
      subject: '{rep} invites you to share a support session',
      body: '{rep} would like your help in a support session. You receive this because extended availability is on for your account.\n\nOpen this link to join:\n{url}\n\nOr enter this key in the representative console: {key}',
    },
    fr: {
      subject: '{rep} vous invite à partager une session d’assistance',
      body: '{rep} souhaite votre aide dans une session d’assistance. Vous recevez ce message car la disponibilité étendue est activée pour votre compte.\n\nOuvrez ce lien pour la rejoindre :\n{url}\n\nOu saisissez cette clé dans la console du technicien d’assistance : {key}',
    },
    de: {
      subject: '{rep} lädt Sie zur Teilnahme an einer Support-Sitzung ein',
      body: '{rep} bittet Sie um Hilfe in einer Support-Sitzung. Sie erhalten diese Nachricht, weil die erweiterte Verfügbarkeit für Ihr Konto aktiviert ist.\n\nÖffnen Sie diesen Link, um teilzunehmen:\n{url}\n\nOder geben Sie diesen Schlüssel in der Konsole d. Support-Technikers ein: {key}',
    },
  },
  passwordChanged: {
    en: {
      subject: 'Your password on {site} was changed',
      body: 'The password of the account {username} on {site} was changed. If you did not do this, ask an administrator to lock the account at once.',
    },
    fr: {
      subject: 'Votre mot de passe sur {site} a été modifié',
      body: 'Le mot de passe du compte {username} sur {site} a été modifié. Si vous n’êtes pas à l’origine de cette modification, demandez immédiatement à un administrateur de verrouiller le compte.',
    },
    de: {
      subject: 'Ihr Passwort auf {site} wurde geändert',
      body: 'Das Passwort des Kontos {username} auf {site} wurde geändert. Falls Sie dies nicht selbst getan haben, bitten Sie sofort einen Administrator, das Konto zu sperren.',
    },
  },
};
