// The password rule in words, shown next to every password field (server/passwords.ts enforces it).
// Kept apart from the rule itself so that client forms do not bundle its word lists.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_HINT = '至少12位；不能用常见密码或简单规律（如 password123、aaaa1111、键盘上连续的键），也不能包含用户名';
