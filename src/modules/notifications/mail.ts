/**
 * The e-mails Värna sends: one notification at once, or a digest of several. Swedish, multipart
 * text and HTML, every link absolute and every message with the link to change what is sent.
 * Only what the notification itself says goes in: titles, counts and links, never the text of a
 * concern report (the reminders never put one in a notification).
 */
import type { Transporter } from 'nodemailer';
import { KIND_INFO, type NotificationKind } from '../../domain/notifications/kinds.js';

export interface MailSettings {
  /** smtp://host:port of the municipality's mail server (VARNA_SMTP_URL). */
  smtpUrl: string;
  /** The sender address (VARNA_MAIL_FROM). */
  from: string;
  /** The address users reach Värna at: links in e-mails start with it. */
  publicUrl: string;
}

/** The mail settings of a configuration; undefined when no mail server is configured. */
export function mailSettings(config: { smtpUrl?: string; mailFrom: string; publicUrl: string }): MailSettings | undefined {
  return config.smtpUrl ? { smtpUrl: config.smtpUrl, from: config.mailFrom, publicUrl: config.publicUrl } : undefined;
}

export interface MailItem {
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
}

export interface Composed {
  subject: string;
  text: string;
  html: string;
}

export const PREFERENCES_PATH = '/aviseringar/installningar';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const absolute = (publicUrl: string, link: string) => new URL(link, publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`).toString();

function footer(publicUrl: string): { text: string; html: string } {
  const prefs = absolute(publicUrl, PREFERENCES_PATH);
  return {
    text: `\n--\nDet här meddelandet kommer från Värna. Välj vilka e-postmeddelanden du får och hur ofta: ${prefs}\n`,
    html: `<hr><p style="color:#555;font-size:0.9em">Det här meddelandet kommer från Värna. <a href="${escapeHtml(prefs)}">Välj vilka e-postmeddelanden du får och hur ofta</a>.</p>`,
  };
}

/** One notification as one e-mail: its title is the subject. */
export function composeOne(item: MailItem, publicUrl: string): Composed {
  const url = absolute(publicUrl, item.link);
  const f = footer(publicUrl);
  return {
    subject: `Värna: ${item.title}`,
    text: `${item.title}\n\n${item.body}\n\nÖppna i Värna: ${url}\n${f.text}`,
    html: `<!doctype html><html lang="sv"><body><h1 style="font-size:1.2em">${escapeHtml(item.title)}</h1><p>${escapeHtml(item.body)}</p><p><a href="${escapeHtml(url)}">Öppna i Värna</a></p>${f.html}</body></html>`,
  };
}

/** Several notifications as one digest, grouped by kind in the order of the kinds. */
export function composeDigest(mode: 'daily' | 'weekly', items: MailItem[], publicUrl: string): Composed {
  const heading = mode === 'daily' ? 'Daglig sammanfattning' : 'Veckosammanfattning';
  const kinds = (Object.keys(KIND_INFO) as NotificationKind[]).filter((k) => items.some((i) => i.kind === k));
  const f = footer(publicUrl);
  const text = kinds
    .map((k) => `${KIND_INFO[k].label}\n${items.filter((i) => i.kind === k).map((i) => `- ${i.title}: ${i.body}\n  ${absolute(publicUrl, i.link)}`).join('\n')}`)
    .join('\n\n');
  const html = kinds
    .map(
      (k) =>
        `<h2 style="font-size:1.1em">${escapeHtml(KIND_INFO[k].label)}</h2><ul>${items
          .filter((i) => i.kind === k)
          .map((i) => `<li><a href="${escapeHtml(absolute(publicUrl, i.link))}">${escapeHtml(i.title)}</a><br>${escapeHtml(i.body)}</li>`)
          .join('')}</ul>`,
    )
    .join('');
  const count = items.length === 1 ? '1 avisering' : `${items.length} aviseringar`;
  return {
    subject: `Värna: ${heading.toLowerCase()}, ${count}`,
    text: `${heading} från Värna: ${count}.\n\n${text}\n${f.text}`,
    html: `<!doctype html><html lang="sv"><body><h1 style="font-size:1.2em">${escapeHtml(heading)} från Värna</h1>${html}${f.html}</body></html>`,
  };
}

/** smtp://user:pass@host:port (smtps:// for TLS from the start; smtp:// upgrades with STARTTLS when the server offers it). */
export function smtpOptions(url: string) {
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  return {
    host: u.hostname,
    port: Number(u.port || (secure ? 465 : 25)),
    secure,
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

/** One SMTP transport per mail server address; nodemailer keeps no connection open between sends. */
const transports = new Map<string, Transporter>();

export async function sendMail(settings: MailSettings, to: string, message: Composed): Promise<void> {
  let transport = transports.get(settings.smtpUrl);
  if (!transport) {
    // nodemailer is loaded with the first e-mail, not at start.
    const { createTransport } = await import('nodemailer');
    transport = createTransport(smtpOptions(settings.smtpUrl));
    transports.set(settings.smtpUrl, transport);
  }
  await transport.sendMail({ from: settings.from, to, subject: message.subject, text: message.text, html: message.html });
}
