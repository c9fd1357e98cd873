package com.aegis.activities.kis.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KisFrameParserTest {

    @Test
    void readsDataControlAndPingPongFrames() {
        assertThat(KisFrameParser.parse("0|H0STCNT0|002|a^b")).isEqualTo(new KisFrame.Data(false, "H0STCNT0", 2, "a^b"));
        assertThat(KisFrameParser.parse("1|H0STCNI0|001|QUJD")).isEqualTo(new KisFrame.Data(true, "H0STCNI0", 1, "QUJD"));
        assertThat(KisFrameParser.parse("{\"header\":{\"tr_id\":\"PINGPONG\",\"datetime\":\"20261124093015\"}}"))
                .isInstanceOf(KisFrame.PingPong.class);
        KisFrame.Control control = (KisFrame.Control) KisFrameParser.parse("{\"header\":{\"tr_id\":\"H0STCNI0\","
                + "\"tr_key\":\"user\",\"encrypt\":\"Y\"},\"body\":{\"rt_cd\":\"0\",\"msg_cd\":\"OPSP0000\","
                + "\"msg1\":\"SUBSCRIBE SUCCESS\",\"output\":{\"iv\":\"0123456789abcdef\",\"key\":\"k\"}}}");
        assertThat(control.ok()).isTrue();
        assertThat(control.encrypt()).isTrue();
        assertThat(control.iv()).contains("0123456789abcdef");
        assertThat(control.toString()).doesNotContain("0123456789abcdef");
    }

    @Test
    void rejectsWhatIsNotAFrameWithTheReason() {
        assertThatThrownBy(() -> KisFrameParser.parse("")).hasMessageContaining("empty frame");
        assertThatThrownBy(() -> KisFrameParser.parse("2|H0STCNT0|001|x")).hasMessageContaining("neither");
        assertThatThrownBy(() -> KisFrameParser.parse("0|H0STCNT0|001")).hasMessageContaining("flag|TR_ID|count|payload");
        assertThatThrownBy(() -> KisFrameParser.parse("0|H0STCNT0|000|x")).hasMessageContaining("outside 1-999");
        assertThatThrownBy(() -> KisFrameParser.parse("0||001|x")).hasMessageContaining("empty TR_ID");
        assertThatThrownBy(() -> KisFrameParser.parse("{\"body\":{}}")).hasMessageContaining("no header.tr_id");
        assertThatThrownBy(() -> KisFrameParser.parse("{\"header\":{\"tr_id\":\"H0STCNT0\"}}"))
                .hasMessageContaining("no body.rt_cd");
    }

    @Test
    void aFieldCountThatDoesNotMatchTheAnnouncedRecordsIsRejected() {
        assertThatThrownBy(() -> KisFrameParser.records(KisRealtimeTr.ORDER_BOOK, 2, "a^b", KisOrderBook::read))
                .isInstanceOf(KisMalformedFrameException.class)
                .hasMessage("H0STASP0 frame announces 2 record(s) of 59 fields but carries 2 fields");
    }

    @Test
    void fillNoticeValuesAreWithheldFromErrors() {
        String[] fields = new String[26];
        java.util.Arrays.fill(fields, "0");
        fields[1] = "5012345601";
        fields[4] = "09";
        assertThatThrownBy(() -> KisFrameParser.records(KisRealtimeTr.FILL_NOTICE_LIVE, 1, String.join("^", fields),
                KisFillNotice::read))
                .isInstanceOf(KisMalformedFrameException.class)
                .hasMessageNotContaining("5012345601");
    }
}
