package dev.hugginggpt.protocol;

import java.time.Instant;
import java.util.List;

/** hg.requests: what the gateway accepted, for the planner. The last user message is the new request. */
public record UserRequest(
        String requestId,
        String tenant,
        List<ChatMessage> messages,
        List<ResourceRef> resources,
        RequestOptions options,
        Instant acceptedAt) implements Checked {

    @Override
    public List<String> problems() {
        Problems p = new Problems().requireText(requestId, "request id").requireText(tenant, "tenant")
                .require(messages != null && !messages.isEmpty(), "no message")
                .require(messages == null || messages.stream().allMatch(m -> m != null && m.role() != null
                        && m.content() != null), "a message without a role or content")
                .require(resources == null || resources.stream().allMatch(r -> r != null && r.id() != null),
                        "a resource without an id");
        return p.addAll("options: ", options == null ? List.of() : options.problems()).list();
    }

    public String lastUserMessage() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).role())) {
                return messages.get(i).content();
            }
        }
        return "";
    }

    public List<ChatMessage> history() {
        int last = messages.size() - 1;
        while (last >= 0 && !"user".equals(messages.get(last).role())) {
            last--;
        }
        return last <= 0 ? List.of() : messages.subList(0, last);
    }
}
