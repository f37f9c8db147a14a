/** @kz/cli: the `kz` command. */
export {};
