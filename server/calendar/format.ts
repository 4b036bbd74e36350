/**
 * In person, online or hybrid, from what the event really says (never guessed from words in the
 * description). Outlook writes several locations separated by "; " — a hybrid meeting is
 * `Board Room, Trust HQ; Microsoft Teams Meeting` — and marks Teams meetings with
 * X-MICROSOFT-SKYPETEAMSMEETINGURL; Google adds X-GOOGLE-CONFERENCE; a meeting link in the
 * description (Zoom, Webex…) counts too. No room and no meeting link: the format is not known.
 */
import type ICAL from 'ical.js';
import { platformOfUrl, type Platform } from './clean-text.js';

const ONLINE_PLACE = /^(microsoft teams( meeting)?|teams( meeting)?|skype meeting|zoom( meeting)?|google meet|webex( meeting)?|online( meeting)?|virtual( meeting)?|video call)$/i;

export interface FormatResult {
  format?: 'online' | 'in-person' | 'hybrid';
  /** The room / address part of LOCATION, without the online parts. */
  place?: string;
  platform?: Platform;
}

function platformOfPlace(part: string): Platform | undefined {
  if (/^(https?:\/\/|www\.)/i.test(part)) return platformOfUrl(part) ?? 'online';
  if (!ONLINE_PLACE.test(part)) return undefined;
  if (/teams|skype/i.test(part)) return 'teams';
  if (/zoom/i.test(part)) return 'zoom';
  if (/meet/i.test(part)) return 'meet';
  if (/webex/i.test(part)) return 'webex';
  return 'online';
}

export function formatOf(event: ICAL.Component, location: string | undefined, descriptionPlatforms: Platform[]): FormatResult {
  const places: string[] = [];
  let platform: Platform | undefined;
  for (const part of (location ?? '').split(';').map((p) => p.trim().replace(/\s*\n\s*/g, ', ')).filter(Boolean)) {
    const online = platformOfPlace(part);
    if (online) platform ??= online;
    else places.push(part);
  }
  if (event.hasProperty('x-microsoft-skypeteamsmeetingurl') || event.hasProperty('x-microsoft-onlinemeetingconflink')) platform ??= 'teams';
  const google = event.getFirstPropertyValue('x-google-conference');
  if (typeof google === 'string') platform ??= platformOfUrl(google) ?? 'online';
  platform ??= descriptionPlatforms[0];
  const place = places.join('; ') || undefined;
  const format = place && platform ? 'hybrid' : place ? 'in-person' : platform ? 'online' : undefined;
  return { ...(format ? { format } : {}), ...(place ? { place } : {}), ...(platform ? { platform } : {}) };
}
