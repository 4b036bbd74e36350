import type { Strings } from './strings.js';

/**
 * The set-up messages (a missing, unsafe or unreachable endpoint): wording for the webmaster, shown
 * only when a page is set up wrong. Part of each widget's messages pack (see InvolveElement.messagesPack),
 * never of the main bundles.
 */
export const setupMessages: Strings = {
  configMissing: 'The website needs to give this widget an endpoint address. If you look after this website, add an endpoint attribute, like endpoint="https://involve.example.nhs.uk/api".',
  configInvalid: 'The endpoint address "{value}" is not a web address. If you look after this website, check the endpoint attribute.',
  configInsecure: 'The endpoint address "{value}" is not secure (https). If you look after this website, use an https:// address.',
  configBlocked: 'It cannot send your answers from this page yet, so please do not fill it in for now.',
};
