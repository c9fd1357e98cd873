package com.aegis.activities.kis.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.marketsim.kis.ws.FillNoticeCipher;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KisPayloadCipherTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String IV = "fedcba9876543210";

    @Test
    void decryptsAKnownVector() {
        // openssl enc -aes-256-cbc -K <hex of KEY> -iv <hex of IV> -base64 -A <<< 'hello^KIS^005930' (no newline)
        String cipherText = "nFmt4muxeMXeSSgdWBCAd5AbmvuSmSxKOs0PgaH+3W8=";
        assertThat(new KisPayloadCipher(KEY, IV).decrypt(cipherText)).isEqualTo("hello^KIS^005930");
    }

    @Test
    void roundTripsWhatTheSimulatorEncrypts() {
        FillNoticeCipher simulator = FillNoticeCipher.random(new SplittableRandom(7));
        String plain = "hts-user^5012345601^0000012345^10^02^홍길동";
        assertThat(new KisPayloadCipher(simulator.key(), simulator.iv()).decrypt(simulator.encrypt(plain)))
                .isEqualTo(plain);
    }

    @Test
    void aWrongKeyOrBrokenTextIsAMalformedFrame() {
        String cipherText = new FillNoticeCipher(KEY, IV).encrypt("hello^KIS^005930");
        assertThatThrownBy(() -> new KisPayloadCipher("ffffffffffffffffffffffffffffffff", IV).decrypt(cipherText))
                .isInstanceOf(KisMalformedFrameException.class).hasMessageContaining("does not decrypt");
        assertThatThrownBy(() -> new KisPayloadCipher(KEY, IV).decrypt("***"))
                .isInstanceOf(KisMalformedFrameException.class).hasMessageContaining("not base64");
        assertThatThrownBy(() -> new KisPayloadCipher("short", IV)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new KisPayloadCipher(KEY, IV).toString()).doesNotContain(KEY).doesNotContain(IV);
    }
}
