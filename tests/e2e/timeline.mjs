// What the e2e tests read off the page's timeline, shared by the test files.
import assert from 'node:assert/strict';

export const timeline = (page) => page.getByRole('list', { name: 'Timeline' });
export const items = (page) => timeline(page).locator(':scope > li');

/** Loads the five samples and waits until the engine (in its worker) has read them all and
 *  the timeline shows their events; returns the number of items. */
export async function loadSamples(page) {
  await page.getByRole('button', { name: 'Load sample articles' }).click();
  await items(page).first().waitFor({ timeout: 15_000 });
  await allRead(page);
  return items(page).count();
}

/** Waits until no listed article is still being read. */
export async function allRead(page, timeout = 15_000) {
  await page.waitForFunction(
    () => {
      const arts = [...document.querySelectorAll('.article-item')];
      return arts.length > 0 && arts.every((a) => !/Reading…|جارٍ القراءة/.test(a.textContent));
    },
    null,
    { timeout },
  );
}

/** Waits (up to 10 s) until the number of timeline items satisfies `ok`, returns it. */
export async function countWhen(page, ok, what) {
  let n = -1;
  for (let i = 0; i < 100; i++) {
    n = await items(page).count();
    if (ok(n)) return n;
    await page.waitForTimeout(100);
  }
  assert.fail(`${what}: the timeline has ${n} items`);
}
