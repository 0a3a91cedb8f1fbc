package dev.hugginggpt.gateway.api.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Model", description = "An OpenAI model object: the one model, hugginggpt.")
public record ModelObject(
        @Schema(required = true, enumeration = "hugginggpt") String id,
        @Schema(required = true, enumeration = "model") String object,
        @Schema(required = true) long created,
        @JsonProperty("owned_by") @Schema(required = true) String ownedBy) {

    public static final String ID = "hugginggpt";
    public static final ModelObject HUGGINGGPT = new ModelObject(ID, "model", 0, "hugginggpt");

    @Schema(name = "ModelList")
    public record ModelList(
            @Schema(required = true, enumeration = "list") String object,
            @Schema(required = true) List<ModelObject> data) {
    }
}
