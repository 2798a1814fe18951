namespace LoanWebhooks.Sdk.Redis.Inbox;

/// <summary>The inbox's Lua scripts: each move between stream, dead-letter stream and counters is one atomic step.</summary>
internal static class RedisInboxScripts
{
    // KEYS: stream. ARGV: max length, then field, value, … Returns the entry id, or nil when the inbox is full.
    public const string Enqueue = """
        if redis.call('XLEN', KEYS[1]) >= tonumber(ARGV[1]) then return false end
        return redis.call('XADD', KEYS[1], '*', unpack(ARGV, 2))
        """;

    // KEYS: stream, attempts, errors. ARGV: group, entry id. The handlers ran: forget the entry.
    public const string Acknowledge = """
        redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
        redis.call('XDEL', KEYS[1], ARGV[2])
        redis.call('HDEL', KEYS[2], ARGV[2])
        redis.call('HDEL', KEYS[3], ARGV[2])
        return 1
        """;

    // KEYS: stream, dead-letter stream, attempts, errors. ARGV: group, entry id, error, attempts, failed at.
    // Copies the entry with its last error to the dead-letter stream and removes it from the inbox.
    public const string DeadLetter = """
        local found = redis.call('XRANGE', KEYS[1], ARGV[2], ARGV[2])
        if #found == 1 then
          local fields = found[1][2]
          table.insert(fields, 'error') table.insert(fields, ARGV[3])
          table.insert(fields, 'attempts') table.insert(fields, ARGV[4])
          table.insert(fields, 'failed_at') table.insert(fields, ARGV[5])
          redis.call('XADD', KEYS[2], '*', unpack(fields))
        end
        redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
        redis.call('XDEL', KEYS[1], ARGV[2])
        redis.call('HDEL', KEYS[3], ARGV[2])
        redis.call('HDEL', KEYS[4], ARGV[2])
        return #found
        """;

    // KEYS: dead-letter stream, stream. ARGV: dead-letter id. Moves one dead letter back into the inbox, without the
    // fields the dead-letter move added, so it starts again with no attempts. Returns 1 when it moved one.
    public const string Replay = """
        local found = redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1])
        if #found == 0 then return 0 end
        local fields = found[1][2]
        local kept = {}
        for i = 1, #fields, 2 do
          local name = fields[i]
          if name ~= 'error' and name ~= 'attempts' and name ~= 'failed_at' then
            table.insert(kept, name) table.insert(kept, fields[i + 1])
          end
        end
        redis.call('XADD', KEYS[2], '*', unpack(kept))
        redis.call('XDEL', KEYS[1], ARGV[1])
        return 1
        """;
}
