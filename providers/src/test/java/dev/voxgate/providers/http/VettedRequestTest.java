package dev.voxgate.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ParamType;
import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.RecordedForm;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MultipartBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** Each kind of value written where its parameter goes: form parts, query keys, JSON members. */
class VettedRequestTest {

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .form(ParamType.LIST, "keywords")
            .form(ParamType.TEXT_OR_MAP, "chunking_strategy")
            .form(ParamType.TEXT, "prompt_style")
            .query(ParamType.LIST, "keyterm")
            .query(ParamType.TEXT_OR_MAP, "extra")
            .param(ParamPlacement.JSON, ParamType.NUMBER, "speakers_expected")
            .param(ParamPlacement.JSON, ParamType.BOOLEAN, "speaker_labels")
            .param(ParamPlacement.JSON, ParamType.LIST, "keyterms_prompt")
            .param(ParamPlacement.JSON, ParamType.MAP, "custom")
            .param(ParamPlacement.JSON, ParamType.TEXT, "language_code")
            .build();

    private static VettedRequest vetted(Map<String, ParamValue> params) {
        Deployment deployment = Deployment.builder("d1", "speech", "vendor", "model-1").params(params).build();
        return SCHEMA.vet(deployment, TranscriptionRequest.builder("speech", AudioInput.of("a.wav", new byte[1]))
                .build());
    }

    private static RecordedForm form(VettedRequest vetted, ArrayEncoding lists) throws IOException {
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("model", "m");
        vetted.writeForm(form, lists);
        MultipartBody body = form.build();
        Buffer bytes = new Buffer();
        body.writeTo(bytes);
        return RecordedForm.of(new RecordedRequest(0, 0, null, List.of(), "POST", "/", "HTTP/1.1",
                HttpUrl.get("http://127.0.0.1/"), Headers.of("Content-Type", body.contentType().toString()),
                bytes.readByteString(), 0, List.of(), null));
    }

    @Test
    void formListsGoInTheVendorsEncodingAndATextGivenToAListIsAListOfOne() throws IOException {
        VettedRequest vetted = vetted(Map.of("keywords", ParamValue.values(List.of("Voxgate", "Kubernetes")),
                "prompt_style", ParamValue.text("terse")));

        assertThat(form(vetted, ArrayEncoding.BRACKETED).names()).containsExactly("model", "keywords[]",
                "keywords[]", "prompt_style");
        assertThat(form(vetted, ArrayEncoding.BRACKETED).values("keywords[]")).containsExactly("Voxgate",
                "Kubernetes");
        assertThat(form(vetted, ArrayEncoding.REPEATED).values("keywords")).containsExactly("Voxgate", "Kubernetes");
        assertThat(form(vetted, ArrayEncoding.COMMA_JOINED).value("keywords")).isEqualTo("Voxgate,Kubernetes");
        assertThat(form(vetted(Map.of("keywords", ParamValue.text("Voxgate"))), ArrayEncoding.BRACKETED)
                .value("keywords[]")).isEqualTo("Voxgate");
    }

    @Test
    void aFormMapIsOnePartPerKeyAsOpenAiPythonSendsObjects() throws IOException {
        Map<String, String> vad = new LinkedHashMap<>();
        vad.put("type", "server_vad");
        vad.put("threshold", "0.5");

        RecordedForm form = form(vetted(Map.of("chunking_strategy", ParamValue.fields(vad))), ArrayEncoding.BRACKETED);

        assertThat(form.names()).containsExactly("model", "chunking_strategy[type]", "chunking_strategy[threshold]");
        assertThat(form.value("chunking_strategy[type]")).isEqualTo("server_vad");
        assertThat(form(vetted(Map.of("chunking_strategy", ParamValue.text("auto"))), ArrayEncoding.BRACKETED)
                .value("chunking_strategy")).isEqualTo("auto");
    }

    @Test
    void aQueryListIsOneKeyPerValueAndAMapOneKeyPerEntry() {
        HttpUrl.Builder url = HttpUrl.get("http://127.0.0.1/v1/listen").newBuilder();

        vetted(Map.of("keyterm", ParamValue.values(List.of("Voxgate & Co", "Kubernetes")),
                "extra", ParamValue.fields(Map.of("team", "speech")))).writeQuery(url);

        assertThat(url.build().encodedQuery())
                .isEqualTo("extra%5Bteam%5D=speech&keyterm=Voxgate%20%26%20Co&keyterm=Kubernetes");
    }

    @Test
    void jsonMembersTakeTheKindTheirParameterDeclares() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();

        vetted(Map.of("speakers_expected", ParamValue.text("2"), "speaker_labels", ParamValue.text("True"),
                "keyterms_prompt", ParamValue.text("Voxgate"), "custom", ParamValue.fields(Map.of("a", "b")),
                "language_code", ParamValue.text("en_us"), "keyterm", ParamValue.text("ignored"))).writeJson(body);

        assertThat(body).hasToString("{\"custom\":{\"a\":\"b\"},\"keyterms_prompt\":[\"Voxgate\"],"
                + "\"language_code\":\"en_us\",\"speaker_labels\":true,\"speakers_expected\":2}");
    }

    @Test
    void aDefaultComesAfterTheCallersParametersAndNeverReplacesThem() {
        VettedRequest vetted = vetted(Map.of("prompt_style", ParamValue.text("terse")));

        assertThat(vetted.orDefault("keywords", ParamValue.text("Voxgate")).orDefault("prompt_style",
                ParamValue.text("long"))).hasToString("VettedRequest[prompt_style, keywords]");
        assertThat(vetted.orDefault("prompt_style", ParamValue.text("long")).value("prompt_style"))
                .contains(ParamValue.text("terse"));
        assertThatThrownBy(() -> vetted.orDefault("webhook", ParamValue.text("true")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leadingParametersAreSentFirstAndAParameterLeftOutIsNotSent() {
        VettedRequest vetted = vetted(Map.of("keywords", ParamValue.text("a"), "prompt_style", ParamValue.text("b"),
                "chunking_strategy", ParamValue.text("auto")));

        assertThat(vetted.leading("prompt_style", "keywords"))
                .hasToString("VettedRequest[prompt_style, keywords, chunking_strategy]");
        assertThat(vetted.without("keywords")).hasToString("VettedRequest[chunking_strategy, prompt_style]");
    }
}
