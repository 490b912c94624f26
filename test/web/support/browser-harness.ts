import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WEB_APP_DIST } from '../../../apps/api/src/serve-web-app';
import { seedDirectory, SeededDirectory } from '../../../scripts/demo/seed-directory';
import { startTestSystem, TestSystem } from '../../support/test-system';

export const ARTIFACTS = join(__dirname, '..', '..', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = join(__dirname, '..', '..', '..');
const DESKTOP = { width: 1280, height: 860 };

export interface Viewport {
  width: number;
  height: number;
}

export interface BrowserHarness {
  system: TestSystem;
  directory: SeededDirectory;
  browser: Browser;
  /** Where the api listens and serves the built web app. */
  origin: string;
  /** Uncaught errors of every page opened through the harness, each prefixed with who saw it when known. */
  pageErrors: string[];
  /** A fresh browser context (own storage), not signed in. */
  newPage(viewport?: Viewport, who?: string): Promise<Page>;
  /** A fresh browser context signed in through the login page with the demo password. */
  signIn(username: string, viewport?: Viewport): Promise<Page>;
  /** A full-page screenshot into test/artifacts/<name>.png. */
  shot(page: Page, name: string): Promise<Buffer>;
  close(): Promise<void>;
}

export interface BrowserHarnessOptions {
  code: string;
  name: string;
  deputies: number;
  env?: Record<string, string>;
  /** Default viewport of new pages. */
  viewport?: Viewport;
  /** How long a locator waits before it fails. */
  waitMs?: number;
}

/**
 * The setup every browser spec shares: the web app built if nobody has, the real api and worker on a directory of its
 * own, the api listening on a free port, and headless Chromium.
 */
export async function startBrowserHarness({ code, name, deputies, env, viewport = DESKTOP, waitMs = 10_000 }: BrowserHarnessOptions): Promise<BrowserHarness> {
  // The api serves whatever apps/web/dist holds when it starts: build it first if nobody has.
  if (!existsSync(join(WEB_APP_DIST, 'index.html'))) execFileSync('npx', ['vite', 'build', 'apps/web'], { cwd: ROOT, stdio: 'ignore' });
  mkdirSync(ARTIFACTS, { recursive: true });
  const system = await startTestSystem({ now: new Date(), env });
  const directory = await seedDirectory(system.dataSource, { code, name, deputies });
  const server = system.api.getHttpServer() as http.Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const pageErrors: string[] = [];

  const newPage = async (size = viewport, who?: string) => {
    const context = await browser.newContext({ viewport: size, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(waitMs);
    page.on('pageerror', (error) => pageErrors.push(who ? `${who}: ${error.message}` : error.message));
    return page;
  };

  const signIn = async (username: string, size = viewport) => {
    const page = await newPage(size, username);
    await page.goto(`${origin}/`);
    await page.getByLabel('人大（机构代码）').fill(code);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('jianyi-demo');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('button', { name: /退出/ }).waitFor();
    return page;
  };

  return {
    system, directory, browser, origin, pageErrors, newPage, signIn,
    shot: (page, shotName) => page.screenshot({ path: join(ARTIFACTS, `${shotName}.png`), fullPage: true }),
    close: async () => {
      await browser.close();
      await system.close();
    },
  };
}

/** The body of a 2xx answer of the api; anything else fails the test with the answer in the message. */
export async function expectOk<T = Record<string, unknown> & { id: string; state?: string }>(response: { status: number; body: unknown }, what: string): Promise<T> {
  if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as T;
}

/** Lets antd's open and close animations finish, so a click lands on the element where it ends up. */
export const settle = (page: Page) => page.waitForTimeout(350);

/** Picks an option of the antd Select labelled `label`: searchable ones by typing and Enter, others by clicking. */
export async function pick(page: Page, label: string, option: string, searchable = false) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await settle(page);
  if (searchable) {
    await input.fill(option);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').filter({ hasText: option }).waitFor();
    await input.press('Enter');
  } else {
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
  }
  if (await page.locator('.ant-select-dropdown:visible').count()) await input.press('Escape');
  await settle(page);
}
