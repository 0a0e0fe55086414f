-- One store's rate-limit window, shared in Redis by every process that calls the store.
--
-- The rules are those of window.py's RateLimiter (read its docstring first); this script is
-- the same state machine over a Redis hash, so that booking a request and learning from an
-- answer are each one atomic step for all processes together. Times are Redis's own clock
-- (TIME), in milliseconds, so machines whose clocks disagree still agree on the window.
--
-- KEYS[1]: the store's hash. ARGV[1]: the step ("acquire", "update" or "block"), then its
-- arguments. Fields: st (u unknown, n unlimited, k known), probe (a first request's lease
-- ends), left, quota, win (window ms), reset, guessed (1: reset is our guess), blocked
-- (a 429 holds everyone until then), gen (the window's number: an answer to a request booked
-- in an earlier window is late), inflight (booked in this window, not yet answered), h429
-- (429s without headers in a row).

if redis.replicate_commands then
    redis.replicate_commands() -- TIME before writes (Redis < 5); a no-op on Redis 7
end

local key = KEYS[1]
local step = ARGV[1]
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + tonumber(clock[2]) / 1000
local UNLIMITED_TTL_MS = 600000

local f = redis.call('HMGET', key, 'st', 'probe', 'left', 'quota', 'win', 'reset', 'guessed', 'blocked',
    'gen', 'inflight', 'h429')
local st = f[1] or 'u'
local probe = tonumber(f[2]) or 0
local left = tonumber(f[3]) or 0
local quota = tonumber(f[4]) or 0
local win = tonumber(f[5]) or 0
local reset = tonumber(f[6]) or 0
local guessed = tonumber(f[7]) or 0
local blocked = tonumber(f[8]) or 0
local gen = tonumber(f[9]) or 0
local inflight = tonumber(f[10]) or 0
local h429 = tonumber(f[11]) or 0

-- Keep the key one window past the later of its reset and its 429 hold: nothing outlives the
-- workers by more than a window or two.
local function save()
    redis.call('HSET', key, 'st', st, 'probe', probe, 'left', left, 'quota', quota, 'win', win,
        'reset', reset, 'guessed', guessed, 'blocked', blocked, 'gen', gen, 'inflight', inflight,
        'h429', h429)
    local ttl
    if st == 'n' then
        ttl = UNLIMITED_TTL_MS
    else
        ttl = math.max(reset, blocked, probe, now) - now + math.max(win, 1000)
    end
    redis.call('PEXPIRE', key, math.ceil(ttl))
end

if step == 'acquire' then
    -- ARGV: reserve, wait (1/0), the first request's lease ms, the poll ms while it is out.
    -- Returns {1, gen} when booked, {0, ms to wait} otherwise.
    local reserve = tonumber(ARGV[2])
    local waits = ARGV[3] == '1'
    if blocked > now then
        return {0, math.ceil(blocked - now)}
    end
    if st == 'n' then
        return {1, gen}
    end
    if st == 'u' then
        if probe > now then
            return {0, tonumber(ARGV[5])}
        end
        -- This request goes out alone to learn the quota; the lease frees the others should
        -- its process die before the answer.
        probe = now + tonumber(ARGV[4])
        save()
        return {1, gen}
    end
    if now >= reset then
        -- We open the next window ourselves. Requests still in flight from the last one may be
        -- counted in this one by the store: they are charged to it.
        left = quota - inflight
        inflight = 0
        reset = now + win
        guessed = 1
        gen = gen + 1
    end
    if (not waits) or left > reserve then
        left = left - 1
        inflight = inflight + 1
        save()
        return {1, gen}
    end
    save()
    return {0, math.max(math.ceil(reset - now), 1)}
end

if step == 'update' then
    -- ARGV: kind (answer: the four values follow; plain: an answer without them; failed: no
    -- answer), the booking's gen, quota, left, reset ms, window ms. Returns {gen, left}.
    local kind = ARGV[2]
    local booking = tonumber(ARGV[3])
    local current = booking == gen
    if current and inflight > 0 then
        inflight = inflight - 1
    end
    if st == 'u' then
        probe = 0
    end
    if kind == 'failed' then
        save()
        return {gen, left}
    end
    if kind == 'plain' then
        if st == 'u' then
            st = 'n'
        end
        save()
        return {gen, left}
    end
    local said_quota = tonumber(ARGV[4])
    local said_left = tonumber(ARGV[5])
    local reset_at = now + tonumber(ARGV[6])
    quota = said_quota
    win = tonumber(ARGV[7])
    local half = win / 2
    if st ~= 'k' or (reset_at > reset + half and now >= reset) then
        -- First sight, or the store has moved on to a new window (never before our reset: an
        -- answer slower than half a window also reports a late reset). Requests in flight
        -- besides this one may still land in it.
        st = 'k'
        left = said_left - inflight
        inflight = 0
        reset = reset_at
        guessed = 0
        gen = gen + 1
    elseif reset_at < reset - half then
        if current then
            -- Sent in this window, yet the store's window ends far sooner: the store is right.
            left = math.min(left, said_left)
            reset = reset_at
            guessed = 0
        end
        -- Otherwise a late answer about a window that is over.
    elseif not current then
        -- Booked before this window opened: its count is heeded, its reset may be an old one's.
        left = math.min(left, said_left)
    else
        -- The same window: the earliest reset heard is the closest; a guess gives way.
        left = math.min(left, said_left)
        if guessed == 1 then
            reset = reset_at
        else
            reset = math.min(reset, reset_at)
        end
        guessed = 0
    end
    h429 = 0
    save()
    return {gen, said_left}
end

if step == 'block' then
    -- ARGV: the 429's wait ms (-1: no headers), the headerless backoff's base and cap ms, the
    -- longest wait the caller accepts. Holds everyone until the store's reset; returns the wait.
    local wait = tonumber(ARGV[2])
    if wait < 0 then
        wait = math.min(tonumber(ARGV[3]) * 2 ^ h429, tonumber(ARGV[4]))
        h429 = h429 + 1
    end
    if wait <= tonumber(ARGV[5]) then
        blocked = math.max(blocked, now + wait)
        if st == 'k' then
            left = 0
            reset = now + wait
            guessed = 0
        end
    end
    save()
    return math.ceil(wait)
end

return redis.error_reply('unknown rate-limit step: ' .. tostring(step))
