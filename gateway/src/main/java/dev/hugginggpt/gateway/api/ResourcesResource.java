package dev.hugginggpt.gateway.api;

import dev.hugginggpt.gateway.config.GatewayConfig;
import dev.hugginggpt.gateway.problem.ProblemException;
import dev.hugginggpt.gateway.problem.Problem;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.resources.ResourceStore;
import io.smallrye.common.annotation.Blocking;
import dev.hugginggpt.gateway.access.Caller;
import dev.hugginggpt.gateway.access.ResourceOwners;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/v1/resources")
@Tag(name = "resources", description = "Files that requests use and tasks produce.")
public class ResourcesResource {
    private final ResourceStore store;
    private final ResourceOwners owners;
    private final Caller caller;
    private final long maxUploadBytes;

    public ResourcesResource(ResourceStore store, ResourceOwners owners, Caller caller,
            GatewayConfig config) {
        this.store = store;
        this.owners = owners;
        this.caller = caller;
        this.maxUploadBytes = config.limits().maxUploadBytes();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(operationId = "uploadResource", summary = "Upload a file", description = "Multipart form with a 'file' part;"
            + " images (png, jpg, gif, bmp, webp, tiff), audio (wav, flac, mp3, ogg), video (mp4, webm, avi, mov, mkv) and plain"
            + " text are accepted, by extension or declared type.")
    @APIResponse(responseCode = "201", description = "Stored.", content = @Content(schema = @Schema(implementation = ResourceRef.class)))
    @APIResponse(responseCode = "400", description = "No part named 'file', an empty file, or a malformed multipart body.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "A type that no task takes.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response upload(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.badRequest("send the file as the multipart part named 'file'");
        }
        if (file.size() == 0) {
            throw ProblemException.badRequest("the file is empty");
        }
        if (file.size() > maxUploadBytes) {
            throw ProblemException.tooLarge("the file has " + file.size() + " bytes; at most " + maxUploadBytes + " are accepted");
        }
        String name = file.fileName() == null ? "upload" : file.fileName();
        String type = UploadTypes.accepted(name, file.contentType());
        ResourceRef ref;
        try {
            ref = store.save(file.uploadedFile(), name, type);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store an upload", e);
        }
        try {
            owners.uploaded(ref.id(), caller.tenant());
        } catch (RuntimeException e) {
            try {
                store.delete(ref.id());
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return Response.created(URI.create("/v1/resources/" + ref.id())).entity(ref).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "downloadResource", summary = "Download a file", description = "The bytes, with their content type;"
            + " shown in place (Content-Disposition: inline) for images, audio, video and plain text of the known types, saved"
            + " as a file (attachment) for anything else.")
    @APIResponse(responseCode = "200", description = "The file.",
            content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            headers = {
                @Header(name = "Content-Disposition", description = "inline for the known image, audio, video and plain text"
                        + " types, attachment for anything else; the name as filename (ASCII) and filename* (UTF-8).",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "X-Content-Type-Options", description = "nosniff", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Content-Security-Policy", description = "default-src 'none'; sandbox", schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "404", description = "No such resource.", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response download(@PathParam("id") String id) {
        if (!owners.mayRead(id, caller.tenant())) {
            throw ProblemException.notFound("no resource " + id);
        }
        ResourceRef ref = store.describe(id).orElseThrow(() -> ProblemException.notFound("no resource " + id));
        java.nio.file.Path file = store.path(id).orElseThrow(() -> ProblemException.notFound("no resource " + id));
        return Response.ok(file.toFile(), ref.contentType())
                .header("Content-Disposition", Downloads.disposition(ref.contentType(), ref.name()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", Downloads.POLICY)
                .build();
    }
}
