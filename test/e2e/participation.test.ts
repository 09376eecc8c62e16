import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readNodes } from '../../shared/model/mapDoc';
import { launchBrowser, openPage, shotPath, skipWithoutBrowser } from '../helpers/browser';
import { TestServer, type CreatedRoom } from '../helpers/server';
import { seedExampleMap } from '../helpers/exampleMap';
import type { TestClient } from '../helpers/clients';

const PHONE = { width: 390, height: 844 };
const TEN_MINUTES = 10 * 60_000;

/**
 * A workshop: the facilitator on a laptop, participants on phones with the view link. The phones vote, suggest
 * and see the timer; the facilitator reveals, accepts and brings everyone to one view.
 */
describe.skipIf(skipWithoutBrowser)('taking part from the view link', () => {
  let server: TestServer;
  let browser: Browser;
  let room: CreatedRoom;
  const clients: TestClient[] = [];
  let samira: Page;
  let aylin: Page;
  let bram: Page;
  let offers: { id: string; label: string }[];
  let communities: { id: string; label: string }[];

  async function open(role: 'owner' | 'view', name: string, phone: boolean, clockAheadMs = 0): Promise<Page> {
    const { context, page } = await openPage(browser, { name, ...(phone ? { viewport: PHONE, isMobile: true, hasTouch: true } : { viewport: { width: 1440, height: 900 } }) });
    if (clockAheadMs) {
      // This phone's clock is wrong: every Date the page makes is `clockAheadMs` ahead.
      await context.addInitScript((ahead: number) => {
        const RealDate = Date;
        const now = () => RealDate.now() + ahead;
        class WrongDate extends RealDate {
          constructor(...args: unknown[]) {
            if (args.length === 0) super(now());
            else super(...(args as [string]));
          }
          static override now() {
            return now();
          }
        }
        (globalThis as unknown as { Date: typeof Date }).Date = WrongDate as unknown as typeof Date;
      }, clockAheadMs);
    }
    page.on('console', (m) => m.type() === 'error' && !m.text().includes('ERR_') && console.log(`[${name} console]`, m.text()));
    await page.goto(new URL(room.links[role], server.httpUrl).toString());
    await page.locator('[data-testid=session-status][data-connection=connected]').waitFor({ state: 'attached', timeout: 20_000 });
    await page.locator('.react-flow__node').first().waitFor({ state: 'attached' });
    return page;
  }

  beforeAll(async () => {
    server = await TestServer.start();
    browser = await launchBrowser();
    const { room: seededRoom, editor: seed } = await seedExampleMap(server, 'Maasdonk-Oost, werksessie 3');
    room = seededRoom;
    clients.push(seed);
    offers = readNodes(seed.doc).filter((n) => n.kind === 'offer').map((n) => ({ id: n.id, label: n.label }));
    communities = readNodes(seed.doc).filter((n) => n.kind === 'community').map((n) => ({ id: n.id, label: n.label }));
    samira = await open('owner', 'Samira', false);
    aylin = await open('view', 'Aylin', true);
    bram = await open('view', 'Bram', true, TEN_MINUTES);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await browser?.close();
    await server?.dispose();
    server?.removeData();
  });

  it('votes: the facilitator starts a vote on three offers, two phones vote, the reveal ranks them the same everywhere and in the plan', async () => {
    const [a, b, c] = offers;
    await samira.locator(`.react-flow__node[data-id="${a.id}"]`).click();
    await samira.locator(`.react-flow__node[data-id="${b.id}"]`).click({ modifiers: ['Shift'] });
    await samira.locator(`.react-flow__node[data-id="${c.id}"]`).click({ modifiers: ['Shift'] });
    await samira.locator('.mk-toolbar [data-command="core.startVote"]').click();
    const dialog = samira.getByTestId('start-vote');
    await dialog.getByLabel('Vraag').fill('Welke ondersteuning pakken we als eerste op?');
    await dialog.getByRole('button', { name: 'Starten (3 kaarten)' }).click();

    // Aylin votes from the list; one dot per card, so a second one on the same card is not offered.
    await aylin.getByTestId('open-vote').click();
    const sheet = aylin.getByTestId('vote-sheet');
    await sheet.getByText('Je hebt nog 3 van 3 stippen').waitFor();
    await sheet.getByRole('button', { name: `Stip op ${a.label}` }).click();
    await sheet.getByRole('button', { name: `Stip op ${b.label}` }).click();
    await sheet.getByText('Je hebt nog 1 van 3 stippen').waitFor();
    expect(await sheet.getByRole('button', { name: `Stip op ${a.label}` }).isDisabled()).toBe(true);
    await aylin.screenshot({ path: shotPath('participation-phone-vote.png') });
    // Bram, on the whole map zoomed out to fit his phone, votes from the list too.
    await bram.getByTestId('open-vote').tap();
    for (const card of [a, c]) await bram.getByTestId('vote-sheet').getByRole('button', { name: `Stip op ${card.label}` }).tap();
    await bram.getByTestId('vote-sheet').getByText('Je hebt nog 1 van 3 stippen').waitFor();
    await bram.getByTestId('vote-sheet').getByRole('button', { name: 'Sluiten' }).tap();
    // The facilitator votes too, on the card itself.
    const marks = samira.locator(`.react-flow__node[data-id="${a.id}"] [data-testid="card-vote"]`);
    await marks.getByRole('button', { name: 'Stip op deze kaart' }).click();
    await marks.locator('.mk-dot').first().waitFor();
    // Counts stay hidden until the reveal: the facilitator sees how many voted, nobody sees numbers.
    await samira.locator('.mk-activitybar [data-view="core.votes"]').click();
    const view = samira.getByTestId('votes-view');
    await view.getByText('3 mensen hebben gestemd').waitFor();
    expect(await samira.getByTestId('vote-count').count()).toBe(0);
    expect(await aylin.getByTestId('vote-count').count()).toBe(0);
    await samira.screenshot({ path: shotPath('participation-laptop-voting.png') });

    await view.getByRole('button', { name: 'Stemming sluiten' }).click();
    const ranking = async (page: Page) => (await page.getByTestId('vote-cards').first().locator('li').evaluateAll((lis) => lis.map((li) => (li.querySelector('.mk-vote-label')?.textContent ?? '') + '=' + (li.querySelector('.mk-vote-count')?.textContent ?? ''))));
    const expected = [`${a.label}=3`, `${b.label}=1`, `${c.label}=1`];
    await expect.poll(() => ranking(samira)).toEqual(expected);
    await expect.poll(() => ranking(aylin)).toEqual(expected);
    await bram.getByTestId('open-vote').count().then((n) => expect(n).toBe(0));
    await aylin.screenshot({ path: shotPath('participation-phone-result.png') });

    // Shown on the cards, and in the project plan.
    await view.getByLabel('Uitslag op de kaarten tonen').click();
    await view.getByRole('button', { name: a.label }).click();
    await samira.locator(`.react-flow__node[data-id="${a.id}"] [data-testid="card-vote-count"]`).getByText('★ 3').waitFor();
    await samira.locator('.mk-toolbar [data-command="stakeholders.openPlan"]').click();
    await samira.getByRole('button', { name: 'Document' }).click();
    const doc = samira.locator('[data-testid="plan-preview"]');
    await doc.getByRole('heading', { name: 'Keuzes uit de werksessies' }).waitFor();
    const rows = await doc.locator('section', { has: samira.getByRole('heading', { name: 'Welke ondersteuning pakken we als eerste op?' }) }).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()).join('|')));
    expect(rows).toEqual([`1|${a.label}|3`, `2|${b.label}|1`, `2|${c.label}|1`]);
    // Back to the map: the panel closes.
    await samira.keyboard.press('Control+j');
    await expect.poll(() => samira.locator('.mk-panel.is-maximized').count()).toBe(0);
    await aylin.getByTestId('vote-sheet').getByRole('button', { name: 'Sluiten' }).tap();
  });

  it('suggests: a phone proposes a key figure, the facilitator accepts, the card appears on every page', async () => {
    await aylin.getByTestId('suggest').click();
    const form = aylin.getByTestId('suggest-dialog');
    for (const what of ['een plek', 'een organisatie', 'een gemeenschap']) await form.getByLabel(`Ik ken ${what}`).waitFor();
    await form.getByLabel('Ik ken een sleutelfiguur').check();
    await form.getByTestId('suggest-name').fill('Imam Yusuf Kaya');
    await form.getByLabel('Korte toelichting (mag leeg)').fill('Kent veel mantelzorgers via de moskee');
    await form.getByTestId('suggest-relates').selectOption(communities[0].id);
    await form.getByText('Geen telefoonnummers, adressen of e-mail van anderen', { exact: false }).waitFor();
    await aylin.screenshot({ path: shotPath('participation-phone-suggest.png') });
    await form.getByRole('button', { name: 'Versturen naar de begeleider' }).click();
    await aylin.getByText('1 wacht op de begeleider').waitFor();

    await samira.locator('.mk-activitybar [data-view="core.suggestions"] [data-testid="view-badge"]').getByText('1').waitFor();
    await samira.locator('.mk-activitybar [data-view="core.suggestions"]').click();
    const inbox = samira.getByTestId('suggestions-view');
    await inbox.getByText('Imam Yusuf Kaya').waitFor();
    await inbox.getByText(`Hoort bij: ${communities[0].label}`).waitFor();
    await samira.screenshot({ path: shotPath('participation-laptop-inbox.png') });
    await inbox.getByRole('button', { name: 'Op de kaart zetten' }).click();

    // Framed on the facilitator's screen; on the phones, drawn into the zoomed-out map.
    const accepted = samira.locator('.react-flow__node', { hasText: 'Imam Yusuf Kaya' });
    await accepted.waitFor();
    const id = (await accepted.getAttribute('data-id'))!;
    for (const page of [aylin, bram]) await page.locator(`.react-flow__node[data-id="${id}"]`).waitFor({ state: 'attached' });
    await aylin.getByText('Je voorstel “Imam Yusuf Kaya” staat op de kaart.').waitFor();
    expect(await samira.locator('.mk-activitybar [data-view="core.suggestions"] [data-testid="view-badge"]').count()).toBe(0);
    // Accepting is the facilitator's own edit: one Ctrl+Z takes the card away again.
    await samira.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await samira.keyboard.press('Control+z');
    await expect.poll(() => samira.locator('.react-flow__node', { hasText: 'Imam Yusuf Kaya' }).count()).toBe(0);
    await samira.keyboard.press('Control+Shift+z');
    await samira.locator('.react-flow__node', { hasText: 'Imam Yusuf Kaya' }).waitFor();
  });

  it('shows one timer: a phone whose clock is ten minutes wrong shows the same time left as the facilitator', async () => {
    expect(await bram.evaluate(() => Date.now() - (performance.timeOrigin + performance.now()))).toBeGreaterThan(TEN_MINUTES - 60_000);
    await samira.locator('.mk-toolbar [data-command="core.startTimer"]').click();
    await samira.getByRole('option', { name: '5 minuten', exact: true }).click();
    for (const page of [samira, aylin, bram]) await page.getByTestId('timer').waitFor();
    // Both screens' countdowns at one real moment (the pages' monotonic clocks, which no wrong wall clock touches).
    const leftAt = async (page: Page) =>
      page.getByTestId('timer-left').evaluate((el) => Number(el.getAttribute('data-left-ms')) - (performance.timeOrigin + performance.now() - Number(el.getAttribute('data-at'))));
    await expect.poll(async () => Math.abs((await leftAt(samira)) - (await leftAt(bram)))).toBeLessThan(500);
    const left = await leftAt(bram);
    expect(left).toBeGreaterThan(4 * 60_000);
    expect(left).toBeLessThanOrEqual(5 * 60_000);
    expect(await bram.getByTestId('timer-left').textContent()).toMatch(/^[45]:\d\d$/);
    await bram.screenshot({ path: shotPath('participation-phone-timer.png') });
    await samira.screenshot({ path: shotPath('participation-laptop-timer.png') });
    // A view link gets no controls.
    expect(await bram.getByTestId('timer').getByRole('button', { name: 'Timer stoppen' }).count()).toBe(0);
    await samira.getByTestId('timer').getByRole('button', { name: 'Timer stoppen' }).click();
    await expect.poll(() => bram.getByTestId('timer').count()).toBe(0);
  });

  it('brings everyone here: a viewer follows the facilitator’s view, and leaves it by touching the map', async () => {
    // The facilitator is at the card just accepted, and zooms in on it.
    const card = samira.locator('.react-flow__node', { hasText: 'Imam Yusuf Kaya' });
    await card.dblclick();
    const targetId = (await card.getAttribute('data-id'))!;
    const vp = async (page: Page) => page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
    const before = await vp(aylin);
    await samira.locator('.mk-toolbar [data-command="core.summon"]').click();
    await aylin.getByRole('button', { name: /Stoppen met volgen/ }).waitFor();
    await expect.poll(() => vp(aylin)).not.toBe(before);
    // The facilitator's card ends up in the middle of the phone's screen (once the view has moved there: while it
    // moves, the card may still be off screen or drawn on the far-zoom canvas).
    const offCentre = async () => {
      const box = await aylin.locator(`.react-flow__node[data-id="${targetId}"]`).boundingBox();
      return box ? Math.abs(box.x + box.width / 2 - PHONE.width / 2) : Number.POSITIVE_INFINITY;
    };
    await expect.poll(offCentre).toBeLessThan(PHONE.width / 3);
    await aylin.locator('.react-flow__pane').tap({ position: { x: 30, y: 200 } });
    await aylin.getByRole('button', { name: /Begeleider volgen/ }).waitFor();
  });
});
