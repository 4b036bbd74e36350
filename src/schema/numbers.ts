/** Numbers as the widgets and the endpoint write them in English text (messages, counts, seconds). */

/**
 * 5000 → "5,000", as en-GB writes whole numbers (others are rounded first). Not toLocaleString: the
 * first Intl object on a page costs 20-40 ms, and a form would pay it before it could be used.
 */
export const groupDigits = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+$)/g, ',');
