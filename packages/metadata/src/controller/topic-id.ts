/**
 * A new topic id: 16 random bytes as 22 base64url characters, the way Kafka prints a Uuid. The
 * randomness is injected so that the simulator replays the same ids from the same seed.
 */
export function newTopicId(random: () => number, taken: (id: string) => boolean): string {
  for (;;) {
    const bytes = Buffer.alloc(16);
    for (let i = 0; i < 16; i++) bytes[i] = Math.floor(random() * 256) & 0xff;
    const id = bytes.toString('base64url');
    // Kafka reserves the all-zero and METADATA_TOPIC_ID ids; a clash with a live topic is retried.
    if (id !== 'AAAAAAAAAAAAAAAAAAAAAA' && id !== 'AAAAAAAAAAAAAAAAAAAAAQ' && !taken(id)) return id;
  }
}
