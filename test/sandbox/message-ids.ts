// Message ids shaped like Meta's (Postman example "wamid.gBGGSFcCNEOPAgkO_KJ55r4w_ww"): wamid. + base64url.
import { randomBytes } from 'node:crypto';

export function newWamid(waId: string): string {
	return `wamid.${Buffer.concat([Buffer.from(`${waId}:`, 'utf8'), randomBytes(18)]).toString('base64url')}`;
}
