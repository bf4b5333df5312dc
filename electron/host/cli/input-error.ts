/** A problem with what the user gave (a path, a file, a name): exit code 2, and the message says what and where. */
export class InputError extends Error {}
