// A --sign-in module for the mock backend over HTTP (mock/node-server.ts), and an example of
// the hooks a partner writes for their own server: how the test user signs in, starts the
// sign-in 2FA step, and reads the links the server mails.

/** Signs in with the password; the session cookie the answer sets is kept by the kit. */
export async function signIn({ baseUrl, password, fetch }) {
  const response = await fetch(`${baseUrl}/__mock/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ password }),
  });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}`);
  const { csrfToken } = await response.json();
  return csrfToken ? { csrfToken } : {};
}

/** The sign-in page's second step: a challenge id for POST /two-factor/challenge. */
export async function startTwoFactorChallenge({ baseUrl, fetch }) {
  const response = await fetch(`${baseUrl}/__mock/two-factor-challenge`, { method: 'POST' });
  if (!response.ok) throw new Error(`the challenge answered ${response.status}`);
  return (await response.json()).challengeId;
}

/** The token of the last email-change or password-reset link the mock "sent". */
export async function readToken({ baseUrl, fetch, kind }) {
  const response = await fetch(`${baseUrl}/__mock/inbox/${kind}`);
  if (!response.ok) throw new Error(`the inbox answered ${response.status}`);
  return (await response.json()).token;
}
