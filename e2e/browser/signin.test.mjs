// Direct sign-in of a QUICKSIGHT identity user in Debian's Chromium: the
// invitation link RegisterUser returns (AWS SDK for JavaScript) sets a
// password, the sign-in page opens the console start page, Sign out ends
// the session, and the invitation link does not work twice. First-party
// pages, so the default cookie mode.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RegisterUserCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, setUp } from './harness.mjs';

const STEP = 15_000;
const PASSWORD = 'correct horse battery staple';

const { sg, qs, browser } = await setUp({ host: false, browser: 'third-party blocked' });

test('invitation, sign-in, start page, sign-out', async () => {
  const out = await qs.send(new RegisterUserCommand({
    AwsAccountId: ACCOUNT, Namespace: 'default', IdentityType: 'QUICKSIGHT', UserName: 'dora', Email: 'dora@example.com', UserRole: 'AUTHOR',
  }));
  assert.equal(out.User.Active, false);
  assert.ok(out.UserInvitationUrl.startsWith(`${sg.url}/invitation/`), out.UserInvitationUrl);

  const page = await browser.context.newPage();
  page.setDefaultTimeout(STEP);
  let res = await page.goto(out.UserInvitationUrl);
  assert.equal(res.status(), 200);
  await page.fill('input[name=password]', PASSWORD);
  await page.fill('input[name=confirm]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('text=Your password is set');

  await page.click('a:has-text("Sign in")');
  await page.waitForURL(/\/login\?/);
  assert.equal(await page.inputValue('input[name=account]'), ACCOUNT);
  assert.equal(await page.inputValue('input[name=username]'), 'dora');
  await page.fill('input[name=password]', 'not the password');
  await page.click('button[type=submit]');
  await page.waitForSelector('text=The account ID, user name or password is incorrect.');
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/embedding\/[0-9a-f]{32}\/start$/);
  assert.equal(await page.getAttribute('main', 'data-page-type'), 'START');
  assert.equal((await page.textContent('.who .user')).trim(), 'dora');
  const start = page.url();

  await page.click('button:has-text("Sign out")');
  await page.waitForURL(/\/login$/);
  res = await page.goto(start);
  assert.equal(res.status(), 401);

  res = await page.goto(out.UserInvitationUrl);
  assert.equal(res.status(), 410);
  assert.match(await page.textContent('main'), /This invitation link can't be used/);
});
