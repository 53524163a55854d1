import { StoreContentionError } from './errors';
import { chunk } from './data-table-api';
import type { DataTableApi } from './data-table-api';
import { allOf, anyOf, currentRow, eq, isLiveRow, startsWith, toExp } from './data-table-rows';
import type { Row } from './data-table-rows';
import { expiryFrom } from './validate';

/**
 * insertIfAbsent on a table without unique columns: a claim protocol, correct (at most one winner per
 * key) under read-committed visibility, i.e. on n8n's SQLite and PostgreSQL alike.
 *
 * Each contender (1) inserts a 'claim' row with a random `tok`, then (2) reads the live rows of the key
 * (for a single key only the two oldest: enough to tell each case below apart):
 * - a live 'won' row exists              → the key exists: not inserted;
 * - its own claim is the only live claim → (3) turns it into 'won' (by `tok`): inserted;
 * - an older claim (lower id) exists     → retires its claim (exp = 1) and only watches the key until
 *                                          it is won, or free again (then claims anew);
 * - only younger claims exist            → keeps its claim and reads again after a short pause.
 *
 * Why at most one wins: a winner's claim row exists, unchanged, from its insert to its promotion, and
 * the read that let it promote came after that insert had committed (the insert request returned
 * first). Take two winners A and B, and let A's deciding read start first. B's insert committed before
 * B's read, and A's row was committed before A's read, so B's read, starting later than A's, sees A's
 * row (as a claim or already 'won') and B could not have promoted. Contradiction.
 * Keeping the oldest claim only speeds things up (without it, contenders can back off forever); it does
 * not affect the argument, which holds for any keep/retire rule.
 *
 * A crashed claimer's row blocks its key until the claim expires (`claimTtlMs`), after which everyone
 * ignores it. So that an ignored claim can never be promoted, a claim is promoted only within the first
 * two thirds of its lifetime: safe while the processes' clocks differ by less than a third of
 * `claimTtlMs` (10 s by default) and a request takes less than that.
 *
 * HTTP requests per call for n keys (k = keysPerRequest), without contention: 1 insert, ⌈n/k⌉ reads,
 * ⌈winners/k⌉ promotions, and 1 clean-up delete when some claims did not win (e.g. duplicates).
 */
export interface ClaimDeps {
	api: DataTableApi;
	now: () => number;
	sleep: (ms: number) => Promise<void>;
	random: () => number;
	token: () => string;
	claimTtlMs: number;
	/** Give up (StoreContentionError) once this long has passed without every key decided… */
	timeoutMs: number;
	/** …or after this many rounds, whichever comes first. */
	maxRounds: number;
	backoffMs: number;
	keysPerRequest: number;
}

export interface Candidate {
	lookup: string;
	json: string;
}

/** `row`: the row this call promoted, or the live row that was there first. */
export interface ClaimOutcome {
	inserted: boolean;
	row: Row;
}

interface Pending extends Candidate {
	phase: 'claim' | 'claimed' | 'observe';
	tok: string;
	claimedAt: number;
}

/** `candidates` must have distinct `lookup`s. */
export async function claimKeys(
	deps: ClaimDeps,
	namespace: string,
	candidates: readonly Candidate[],
	ttlMs: number | null,
): Promise<Map<string, ClaimOutcome>> {
	const { api, now } = deps;
	const outcomes = new Map<string, ClaimOutcome>();
	const pending = new Map<string, Pending>(
		candidates.map((c) => [c.lookup, { ...c, phase: 'claim', tok: '', claimedAt: 0 }]),
	);
	const callTok = deps.token();
	const promoteWindow = (deps.claimTtlMs * 2) / 3;
	const startedAt = now();
	let claimsWritten = 0;
	let claimsWon = 0;

	for (let round = 0; pending.size > 0; round++) {
		if (round === deps.maxRounds || (round > 0 && now() - startedAt >= deps.timeoutMs)) {
			// Undo this call's inserts: the caller gets an error, and must not find half of its keys taken.
			await api.delete(allOf(startsWith('tok', `${callTok}.`)), false);
			throw new StoreContentionError(
				`Gave up inserting ${pending.size} key(s) of ${namespace} after ${round} rounds of contention`,
			);
		}
		if (round > 0) {
			await deps.sleep(Math.round(deps.backoffMs * 2 ** Math.min(round - 1, 4) * (0.5 + deps.random())));
		}

		const claimedAt = now();
		const toClaim = [...pending.values()].filter((p) => p.phase === 'claim');
		toClaim.forEach((p, i) => {
			Object.assign(p, { phase: 'claimed', tok: `${callTok}.${round.toString(36)}.${i.toString(36)}`, claimedAt });
		});
		await api.insertRows(
			toClaim.map((p) => ({
				ns: namespace,
				k: p.lookup,
				v: p.json,
				ver: 1,
				tok: p.tok,
				state: 'claim' as const,
				exp: claimedAt + deps.claimTtlMs,
			})),
		);
		claimsWritten += toClaim.length;

		// One key: its two oldest live rows are all a decision needs (below), and cost the same however
		// many contenders there are. Several keys: every row of those keys, in as few requests as possible.
		const lookups = [...pending.keys()];
		const rowsByKey = groupByKey(
			lookups.length === 1
				? await api.oldestLive(lookups[0], now(), false, 2)
				: await api.selectByKeys(namespace, lookups),
		);
		const at = now();
		const toPromote: Pending[] = [];
		const toRetire: string[] = [];
		for (const p of pending.values()) {
			const rows = rowsByKey.get(p.lookup) ?? [];
			const mine = p.phase === 'claimed' ? rows.find((r) => r.tok === p.tok && r.state === 'claim') : undefined;
			const winner = currentRow(rows, at);
			if (winner) {
				// Our claim, if any, blocks nobody (the 'won' row is seen first); the final clean-up deletes it.
				outcomes.set(p.lookup, { inserted: false, row: winner });
				pending.delete(p.lookup);
				continue;
			}
			const rivals = rows.filter((r) => r.state === 'claim' && isLiveRow(r, at) && r !== mine);
			if (p.phase === 'observe') {
				if (rivals.length === 0) p.phase = 'claim';
				continue;
			}
			if (!mine) {
				// Deleted meanwhile, or (two-oldest view) behind two older live rows: retire it in case it
				// is still there, and watch the key until it is free.
				toRetire.push(p.tok);
				p.phase = 'observe';
			} else if (at >= p.claimedAt + promoteWindow) {
				toRetire.push(p.tok);
				p.phase = 'claim';
			} else if (rivals.length === 0) {
				toPromote.push(p);
			} else if (rivals.some((r) => r.id < mine.id)) {
				toRetire.push(p.tok);
				p.phase = 'observe';
			}
			// else: the oldest claim stays and looks again next round.
		}

		if (toPromote.length > 0) {
			const exp = toExp(expiryFrom(now(), ttlMs));
			const won = new Map<string, Row>();
			for (const part of chunk(toPromote, deps.keysPerRequest)) {
				const rows = await api.update(anyOf(part.map((p) => eq('tok', p.tok))), { state: 'won', exp });
				for (const row of rows) if (row.state === 'won') won.set(row.tok, row);
			}
			for (const p of toPromote) {
				const row = won.get(p.tok);
				if (row) {
					outcomes.set(p.lookup, { inserted: true, row });
					pending.delete(p.lookup);
					claimsWon++;
				} else {
					p.phase = 'claim'; // the claim vanished (a concurrent delete of the key): start over
				}
			}
		}
		for (const part of chunk(toRetire, deps.keysPerRequest)) {
			await api.update(anyOf(part.map((tok) => eq('tok', tok))), { exp: 1 });
		}
	}

	if (claimsWon < claimsWritten) {
		await api.delete(allOf(startsWith('tok', `${callTok}.`), eq('state', 'claim')), false);
	}
	return outcomes;
}

function groupByKey(rows: readonly Row[]): Map<string, Row[]> {
	const byKey = new Map<string, Row[]>();
	for (const row of rows) {
		const list = byKey.get(row.k);
		if (list) list.push(row);
		else byKey.set(row.k, [row]);
	}
	return byKey;
}
