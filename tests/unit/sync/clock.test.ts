import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatId, parseId, receive, tick, ZERO_HLC, type Hlc } from '$lib/sync/clock';

const later = (a: Hlc, b: Hlc) => b.wall > a.wall || (b.wall === a.wall && b.counter > a.counter);

describe('hybrid logical clock', () => {
	it('takes the wall time when it moved on, and counts within a millisecond or while the wall clock is behind', () => {
		const a = tick(ZERO_HLC, 1000);
		expect(a).toEqual({ wall: 1000, counter: 0 });
		expect(tick(a, 1000)).toEqual({ wall: 1000, counter: 1 });
		// The wall clock was set back (or another device's clock was seen ahead): still later than before.
		expect(tick({ wall: 5000, counter: 3 }, 1000)).toEqual({ wall: 5000, counter: 4 });
		expect(tick({ wall: 5000, counter: 3 }, 6000)).toEqual({ wall: 6000, counter: 0 });
	});

	it('after receiving a remote clock, is later than it and than its own', () => {
		expect(receive({ wall: 100, counter: 2 }, { wall: 200, counter: 7 }, 50)).toEqual({ wall: 200, counter: 8 });
		expect(receive({ wall: 200, counter: 9 }, { wall: 200, counter: 7 }, 50)).toEqual({ wall: 200, counter: 10 });
		expect(receive({ wall: 300, counter: 1 }, { wall: 200, counter: 7 }, 50)).toEqual({ wall: 300, counter: 2 });
		expect(receive({ wall: 100, counter: 2 }, { wall: 200, counter: 7 }, 900)).toEqual({ wall: 900, counter: 0 });
	});

	it('is monotonic across restarts: resuming from the stored clock, any sequence of wall times gives increasing ids', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2e12 }), fc.boolean()), { minLength: 1, maxLength: 60 }), (steps) => {
				let stored = ZERO_HLC; // what the sync store holds; a "restart" reloads it (and the wall clock may jump back)
				let previousId = '';
				for (const [now, restart] of steps) {
					const clock = tick(restart ? structuredClone(stored) : stored, now);
					const id = formatId(clock, 'dev');
					expect(later(stored, clock)).toBe(true);
					expect(id > previousId).toBe(true);
					previousId = id;
					stored = clock;
				}
			}),
			{ seed: 11, numRuns: 300 }
		);
	});

	it('ids sort by clock, then device, and parse back', () => {
		const ids = [formatId({ wall: 2, counter: 0 }, 'a'), formatId({ wall: 1, counter: 10 }, 'z'), formatId({ wall: 2, counter: 0 }, 'b'), formatId({ wall: 1, counter: 2 }, 'z')];
		expect([...ids].sort()).toEqual([ids[3], ids[1], ids[0], ids[2]]);
		expect(parseId(formatId({ wall: 1733367000123, counter: 40 }, 'k3x'))).toEqual({ clock: { wall: 1733367000123, counter: 40 }, device: 'k3x' });
		expect(parseId('not-an-id')).toBeUndefined();
	});
});
