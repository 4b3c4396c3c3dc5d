/**
 * `mailto:` links (RFC 6068): recipients comma-separated, subject and body percent-encoded, line
 * breaks as CRLF. Plain code, no schema: the appliance (composed e-mails) and the renderer (Jump
 * Client installer e-mail, Send Local Email) build them the same way.
 */
export function mailtoLink(recipients: readonly string[], mail: { subject: string; body: string }): string {
  const to = recipients.map((a) => encodeURIComponent(a).replace(/%40/g, '@')).join(',');
  return `mailto:${to}?subject=${encodeURIComponent(mail.subject)}&body=${encodeURIComponent(mail.body.replace(/\r?\n/g, '\r\n'))}`;
}
