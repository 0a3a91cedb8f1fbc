package dev.hugginggpt.gateway.api;

import dev.hugginggpt.gateway.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hugginggpt.gateway.access.ResourceOwners;
import dev.hugginggpt.gateway.messaging.RequestRecordLimit;
import dev.hugginggpt.protocol.Plan;
import dev.hugginggpt.protocol.GeneratedRefs;
import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.PlanValidator;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.resources.ResourceStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A plan written by a client (a request's {@code plan}, an edited plan when approving): checked like a planner's plan
 * ({@link PlanValidator}: task types, dependencies, {@code <GENERATED>-N}, required inputs, at most
 * {@code hg.planner.max-tasks} tasks), and more strictly where only a client could go wrong: argument names are the
 * media kinds, a file argument is a reference or a file of the tenant, text is plain and bounded, a chosen model is a
 * model id. Every problem is named in one 400.
 */
@ApplicationScoped
public class SubmittedPlans {
    static final int MAX_ARG_CHARS = RequestSubmitter.MAX_MESSAGE_CHARS;
    static final int MAX_MODEL_CHARS = 200;
    /** Problems listed in one answer; a plan with more gets the first ones and a count. */
    private static final int MAX_PROBLEMS_SHOWN = 20;
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]*");

    private final int maxTasks;
    private final ResourceOwners owners;
    private final ResourceStore store;
    private final RequestRecordLimit recordLimit;
    private final ObjectMapper json;

    public SubmittedPlans(@ConfigProperty(name = "hg.planner.max-tasks", defaultValue = "20") int maxTasks,
            ResourceOwners owners, ResourceStore store, RequestRecordLimit recordLimit, ObjectMapper json) {
        this.recordLimit = recordLimit;
        this.json = json;
        this.maxTasks = maxTasks;
        this.owners = owners;
        this.store = store;
    }

    /** A plan the pipeline can run, with the files it names. */
    public record Checked(List<PlannedTask> tasks, List<ResourceRef> files) {
    }

    /** The normalized plan, or a 400 naming every problem ({@code what} names the field: "plan"). */
    public Checked check(List<PlannedTask> tasks, String tenant, String what) {
        if (tasks == null || tasks.isEmpty()) {
            throw ProblemException.badRequest("'" + what + "' must hold at least one task");
        }
        if (tasks.size() > maxTasks) {
            throw ProblemException.badRequest("'" + what + "' has " + tasks.size() + " tasks; at most " + maxTasks
                    + " are allowed");
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            PlannedTask t = tasks.get(i);
            if (t == null) {
                problems.add("task at position " + i + " is null");
                continue;
            }
            argProblems(t, tenant, problems);
            if (t.model() != null && (t.model().length() > MAX_MODEL_CHARS || !MODEL_ID.matcher(t.model()).matches())) {
                problems.add("task " + t.id() + " names a model that is not a model id (letters, digits and ._:/@+-,"
                        + " at most " + MAX_MODEL_CHARS + " characters)");
            }
            if (t.dep() != null && (t.dep().size() > maxTasks + 1 || t.dep().stream().anyMatch(d -> d == null))) {
                problems.add("task " + t.id() + " has a 'dep' that is not a short list of task ids");
            }
        }
        if (problems.isEmpty()) {
            List<PlannedTask> normalized = PlanValidator.normalize(tasks);
            problems.addAll(new PlanValidator(maxTasks, type -> true).validate(normalized));
            if (problems.isEmpty()) {
                return new Checked(normalized, files(normalized));
            }
        }
        throw ProblemException.badRequest("'" + what + "' cannot run: " + shown(problems));
    }

    /** The plan as the selector will read it must fit hg.plans. */
    public void requireFitsTopic(Plan plan) {
        int bytes;
        try {
            bytes = json.writeValueAsBytes(plan).length;
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("the plan cannot be written as JSON: " + e.getOriginalMessage());
        }
        if (bytes > recordLimit.maxBytes()) {
            throw ProblemException.tooLarge("the plan takes " + bytes + " bytes as JSON; at most " + recordLimit.maxBytes()
                    + " are passed on: shorten its arguments");
        }
    }

    private void argProblems(PlannedTask t, String tenant, List<String> problems) {
        if (t.args() == null || t.args().isEmpty()) {
            problems.add("task " + t.id() + " has no arguments");
            return;
        }
        for (Map.Entry<String, String> arg : t.args().entrySet()) {
            MediaKind kind = MediaKind.ofArgKey(arg.getKey()).orElse(null);
            String value = arg.getValue();
            if (kind == null) {
                problems.add("task " + t.id() + " has an argument '" + clip(arg.getKey())
                        + "'; arguments are text, image, audio or video");
            } else if (value == null || value.isBlank()) {
                problems.add("task " + t.id() + " has an empty '" + arg.getKey() + "' argument");
            } else if (value.length() > MAX_ARG_CHARS || !RequestSubmitter.isPlainText(value)) {
                problems.add("task " + t.id() + "'s '" + arg.getKey() + "' argument must be plain text of at most "
                        + MAX_ARG_CHARS + " characters");
            } else if (kind != MediaKind.TEXT && GeneratedRefs.in(value).isEmpty() && !ResourceStore.isResourceId(value.strip())) {
                problems.add("task " + t.id() + "'s '" + arg.getKey() + "' argument is neither <GENERATED>-N nor the"
                        + " id of an uploaded file ('" + clip(value) + "'); upload files with POST /v1/resources");
            } else {
                for (String id : ResourceStore.idsIn(value)) {
                    if (!owners.mayRead(id, tenant)) {
                        problems.add("task " + t.id() + " names unknown resource '" + id
                                + "'; upload files with POST /v1/resources first");
                    }
                }
            }
        }
    }

    private List<ResourceRef> files(List<PlannedTask> tasks) {
        Set<String> ids = new LinkedHashSet<>();
        tasks.forEach(t -> t.args().values().forEach(v -> ids.addAll(ResourceStore.idsIn(v))));
        Map<String, ResourceRef> files = new LinkedHashMap<>();
        for (String id : ids) {
            store.describe(id).ifPresent(ref -> files.put(id, ref));
        }
        return List.copyOf(files.values());
    }

    private static String shown(List<String> problems) {
        List<String> first = problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS_SHOWN));
        String more = problems.size() > first.size() ? "; and " + (problems.size() - first.size()) + " more" : "";
        return String.join("; ", first) + more;
    }

    private static String clip(String text) {
        String shown = text == null ? "null" : text;
        return shown.length() > 60 ? shown.substring(0, 60) + "…" : shown;
    }
}
