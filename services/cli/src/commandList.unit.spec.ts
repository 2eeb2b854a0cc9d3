import { Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandList } from './commandList.ts';

describe('the command table', () => {
  it('lists every command as its module builds it: name, description and help term', async () => {
    for (const entry of commandList) {
      const cmd = (await entry.load()).default;
      expect({ name: cmd.name(), description: cmd.description(), term: new Help().subcommandTerm(cmd) }).toEqual({
        name: entry.name,
        description: entry.description,
        term: entry.term,
      });
    }
  });

  it('names each command once', () => {
    const names = commandList.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
