package dev.hugginggpt.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan without tasks carries the planner's direct answer through Kafka; a plan written without one reads as none. */
class PlanReplyTest {
    @Test
    void theReplyTravelsWithThePlan() throws Exception {
        Plan plan = new Plan("r-1", "t", "hi", List.of(), "embedded", LlmUsage.NONE, List.of(), RequestOptions.defaults(), 3,
                "Hello! What I can do here right now: ...");
        Plan read = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(plan), Plan.class);
        assertEquals(plan.reply(), read.reply());
        assertEquals(plan.tasks(), read.tasks());
        assertEquals(List.of(), read.problems());
    }

    @Test
    void aPlanWithoutAReplyFieldHasNone() throws Exception {
        Plan plan = new Plan("r-1", "t", "hi", List.of(), "embedded", LlmUsage.NONE, List.of(), RequestOptions.defaults(), 3);
        String json = Json.MAPPER.writeValueAsString(plan).replace(",\"reply\":null", "");
        assertNull(Json.MAPPER.readValue(json, Plan.class).reply());
    }
}
