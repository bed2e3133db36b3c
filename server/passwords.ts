// Password hashing (argon2id, OWASP's minimum parameters) and the password rule shown to users: 12+
// characters, not the username, not easy to guess (zxcvbn-ts with a list of common passwords).
import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '@/lib/password-hint';

// @node-rs/argon2 defaults to argon2id; the cost is stated here so that it is reviewed, not inherited.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password: verifying against it costs the same time as a real account. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}`);
  return dummyHash;
}

const PASSWORD_MAX_LENGTH = 128;
/** zxcvbn's score 3: about 10^8 guesses or more, "safely unguessable" for an online attacker and slow hashes. */
const MIN_SCORE = 3;

// zxcvbn-ts with its common-language package: 49,000 leaked passwords ranked by frequency, keyboard
// patterns, repeats, sequences and dates. Built on first use (about 0.15 s).
let estimator: ZxcvbnFactory | null = null;

/**
 * Why a new password is refused, in Chinese, or null when it is acceptable: shorter than 12 characters,
 * containing the username, or easy to guess (a common password, a repeat, a sequence, a keyboard walk,
 * or built from the user's own name).
 */
export function passwordProblem(password: string, user: { username?: string; displayName?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少${PASSWORD_MIN_LENGTH}位`;
  if (password.length > PASSWORD_MAX_LENGTH) return `密码不能超过${PASSWORD_MAX_LENGTH}位`;
  const username = user.username?.trim().toLowerCase() ?? '';
  if (username.length >= 3 && password.toLowerCase().includes(username)) return '密码不能包含用户名';
  estimator ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  const inputs = [username, user.displayName?.trim() ?? ''].filter((input) => input.length >= 2);
  if (estimator.check(password, inputs).score < MIN_SCORE) {
    return '密码太容易被猜中（常见密码、重复或连续的字符、键盘上相邻的键、姓名）：请换一个更长、更少规律的密码';
  }
  return null;
}

/** A new password without the user known yet; callers that know the user also check passwordProblem(password, user). */
export const passwordSchema = z.string().superRefine((password, context) => {
  const problem = passwordProblem(password);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});
