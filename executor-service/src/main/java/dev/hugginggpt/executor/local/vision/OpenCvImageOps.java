package dev.hugginggpt.executor.local.vision;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.model.Inputs;
import dev.hugginggpt.executor.local.model.MediaLimits;
import dev.hugginggpt.executor.local.model.MediaModel;
import dev.hugginggpt.executor.local.model.OpenCvModel;
import dev.hugginggpt.executor.local.runtime.OpenCv;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.photo.Photo;

/**
 * image-to-image by classical OpenCV operations that the instruction ({@code text}) names, in English or Korean, applied
 * in the order they are named: "make it black and white, then rotate it 90 degrees to the left". Each is a fixed
 * filter or geometric transform; nothing is generated, so it cannot add, remove or change objects. An instruction
 * that names no operation it knows fails with the list of those it knows, never answering the image unchanged.
 */
public final class OpenCvImageOps extends MediaModel implements OpenCvModel {
    static final String KNOWN = "grayscale (black and white), sepia, invert (negative), blur, sharpen, brighten, darken,"
            + " more or less contrast, denoise, upscale or downscale (2x, half size, 50%), rotate (90, 180, 270, left,"
            + " right), flip (horizontal, vertical, mirror), cartoon, painting-like stylization, edge-preserving smoothing,"
            + " pixelate";
    private static final int MAX_STEPS = 12;
    private static final int MAX_SIDE = 8192;
    private static final long MAX_PIXELS = 40_000_000L;

    enum Kind {
        GRAYSCALE, SEPIA, INVERT, BLUR, SHARPEN, BRIGHTEN, DARKEN, CONTRAST, DENOISE, RESIZE, ROTATE, FLIP, CARTOON,
        STYLIZE, SMOOTH, PIXELATE
    }

    /** One operation: its kind, its parameter (angle, scale factor, flip code, contrast gain; 0 if none), its strength. */
    record Step(Kind kind, double parameter, double strength, String name) {
    }

    private record Trigger(Kind kind, Pattern pattern) {
    }

    private record Found(int at, int end, Kind kind, boolean upsideDown) {
    }

    private static final Pattern BLACK_AND_WHITE = Pattern.compile("black[ -]?(?:and|&|n)[ -]?white|\\bb ?[&/] ?w\\b");
    /** Where one operation's words end and the next one's begin: punctuation, "and", "then", Korean connectives. */
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            // from the start of a whitespace run, read once (possessive): a long run costs its length, not its square
            "(?<!\\s)\\s*+(?:[,;!?]|\\.(?!\\d)|\\band then\\b|\\bthen\\b|\\band\\b|\\bafter that\\b|\\bfollowed by\\b"
                    + "|\\bafterwards\\b|그리고|그 다음에?|그런 다음에?|다음에|후에|한 뒤에?|하고|(?<=[가-힣])고\\s)\\s*+");
    private static final List<Trigger> TRIGGERS = List.of(
            new Trigger(Kind.GRAYSCALE, Pattern.compile("gr[ae]y ?scale|\\bgr[ae]y(?:ed)?\\b|monochrom|desaturat"
                    + "|remov\\w* (?:the |all )?colou?rs?|without colou?r|\\bno colou?r|흑백|회색")),
            new Trigger(Kind.SEPIA, Pattern.compile("sepia|vintage|antique|old[- ]fashioned|old photo|세피아|빈티지")),
            new Trigger(Kind.INVERT, Pattern.compile("invert|\\bnegative|inverse|색\\s*(?:상\\s*)?반전|네거티브")),
            new Trigger(Kind.BLUR, Pattern.compile("(?<![a-z-])blur(?:red|ring|s)?\\b|(?:make|render|turn)\\w* (?:(?!less |not )\\w+ ){0,3}blurr(?:y|ier)"
                    + "|soften|gaussian|out of focus|흐리|블러|뿌옇")),
            new Trigger(Kind.SHARPEN, Pattern.compile("sharp|crisp|deblur|de-blur|unblur|less blurry|not blurry|선명|샤프")),
            new Trigger(Kind.BRIGHTEN, Pattern.compile("bright|lighten|lighter|밝")),
            new Trigger(Kind.DARKEN, Pattern.compile("dark|\\bdim(?:mer)?\\b|어둡|어둡게")),
            new Trigger(Kind.CONTRAST, Pattern.compile("contrast|대비|콘트라스트")),
            new Trigger(Kind.DENOISE, Pattern.compile("denois|de-nois|(?<!\\badd )(?<!\\badd some )nois|grain|speckle|잡음|노이즈")),
            new Trigger(Kind.RESIZE, Pattern.compile("upscal|up-scal|upsampl|enlarg|bigger|larger|magnif|super[- ]?resolution"
                    + "|increase (?:the )?(?:size|resolution)|double (?:the )?size|downscal|down-scal|downsampl|shrink|smaller"
                    + "|reduce (?:the )?(?:size|resolution)|half (?:the )?size|halve|quarter (?:the )?size|resiz|rescal"
                    + "|scale (?:it |the \\w+ |this \\w+ )?(?:up|down|to|by)|확대|축소|크게|작게|키우|키워|줄이|줄여")),
            new Trigger(Kind.ROTATE, Pattern.compile("rotat|turn (?:it |the \\w+ |this \\w+ )?(?:-?\\d+|left|right|clockwise"
                    + "|counter|anti|sideways|around)|회전|돌려|돌리")),
            new Trigger(Kind.FLIP, Pattern.compile("flip|mirror|뒤집|좌우\\s*반전|상하\\s*반전|거울")),
            new Trigger(Kind.CARTOON, Pattern.compile("cartoon|comic|toon|만화|카툰|웹툰")),
            new Trigger(Kind.STYLIZE, Pattern.compile("painting|painted|watercolou?r|oil paint|styli[sz]|artistic|수채화|유화|그림처럼")),
            new Trigger(Kind.SMOOTH, Pattern.compile("\\bsmooth|edge[- ]preserv|bilateral|부드럽|뽀샤시")),
            new Trigger(Kind.PIXELATE, Pattern.compile("pixel(?:ate|ize|ise|ated|ized|ised|ation)|mosaic|8[- ]?bit|모자이크|픽셀")));
    private static final Pattern UPSIDE_DOWN = Pattern.compile("upside[- ]down|거꾸로");
    private static final Pattern WEAK = Pattern.compile("slight|a little|a bit|a touch|lightly|subtle|gently|somewhat|약간|조금|살짝");
    private static final Pattern STRONG = Pattern.compile("strong|heav|\\bvery\\b|a lot|\\bmuch\\b|extreme|intense|significant"
            + "|많이|강하게|아주|매우");
    private static final Pattern LESS = Pattern.compile("decreas|reduc|lower|\\bless\\b|weaken|soften|줄|낮");
    private static final Pattern DOWNSIZE = Pattern.compile("downscal|down-scal|downsampl|shrink|smaller|reduc|\\bhalf|halve"
            + "|quarter|scale (?:it |the \\w+ |this \\w+ )?down|축소|작게|줄");
    private static final Pattern UPSIZE = Pattern.compile("upscal|up-scal|upsampl|enlarg|bigger|larger|magnif|super[- ]?resolution"
            + "|increase|double|twice|scale (?:it |the \\w+ |this \\w+ )?up|확대|크게|키우|키워");
    private static final Pattern TIMES = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:x\\b|×|times\\b|배)");
    private static final Pattern WORD_TIMES = Pattern.compile("\\b(two|three|four|eight) times\\b|\\b(twice|double|triple|quadruple)\\b");
    private static final Map<String, Integer> NUMBERS = Map.of("two", 2, "three", 3, "four", 4, "eight", 8, "twice", 2,
            "double", 2, "triple", 3, "quadruple", 4);
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:%|percent|퍼센트)");
    private static final Pattern DEGREES = Pattern.compile("(-?\\d+)\\s*(?:°|deg|degrees?\\b|도)");
    private static final Pattern RIGHT_ANGLE = Pattern.compile("(?<![\\d.])(-?(?:90|180|270))(?![\\d.])");
    private static final Pattern COUNTERCLOCKWISE = Pattern.compile("counter[- ]?clockwise|anti[- ]?clockwise|\\bleft\\b|반시계|왼");
    private static final Pattern VERB = Pattern.compile("increas|rais|boost|more|higher|\\badd|enhanc|stronger|decreas|reduc"
            + "|lower|less|make|turn|give|\\bset\\b|높|올|줄|낮");
    private static final Pattern VERTICAL = Pattern.compile("vertical|upside|top to bottom|up[- ]?down|상하|위아래|거꾸로");
    private static final Pattern BOTH = Pattern.compile("\\bboth\\b|양쪽");

    public OpenCvImageOps(ResourceStore store, MediaLimits limits) {
        super(store, limits, "local/opencv-image-ops", "image-to-image",
                "Classical OpenCV image operations named in the instruction, applied in order: grayscale (black and"
                        + " white), sepia, invert, blur, sharpen, brighten, darken, contrast, denoise, upscale or downscale"
                        + " (interpolation, adds no detail), rotate, flip or mirror, cartoon, painting-like stylization,"
                        + " pixelate; no generative model: it cannot add, remove or change objects", "Apache-2.0 (OpenCV)");
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        String instruction = instruction(args);
        List<Step> steps = parse(instruction);
        Mat image = OpenCv.read(Inputs.image(args, "image", store, limits));
        for (Step step : steps) {
            image = apply(step, image);
        }
        ResourceRef result = OpenCv.savePng(store, image, "image.png");
        List<String> names = steps.stream().map(Step::name).toList();
        String text = "Applied " + String.join(", then ", names) + " (OpenCV); the result is " + image.cols() + "x"
                + image.rows() + " pixels.";
        return new TaskOutput(text, List.of(result), Map.of("operations", names, "width", image.cols(),
                "height", image.rows()));
    }

    private static String instruction(Map<String, String> args) throws ModelException {
        for (String key : List.of("text", "instruction", "prompt")) {
            String value = args.get(key);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        throw new ModelException("local/opencv-image-ops needs an instruction in 'text' naming the operations to apply;"
                + " it knows: " + KNOWN);
    }

    /** The operations an instruction names, in the order it names them. */
    static List<Step> parse(String instruction) throws ModelException {
        String text = BLACK_AND_WHITE.matcher(instruction.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "))
                .replaceAll("grayscale");
        List<Step> steps = new ArrayList<>();
        String previous = "";
        for (String clause : CLAUSE_BREAK.split(text)) {
            clause = " " + clause.strip() + " ";
            List<Found> found = new ArrayList<>();
            Set<Kind> seen = EnumSet.noneOf(Kind.class);
            for (Trigger trigger : TRIGGERS) {
                Matcher m = trigger.pattern().matcher(clause);
                if (m.find()) {
                    found.add(new Found(m.start(), m.end(), trigger.kind(), false));
                    seen.add(trigger.kind());
                }
            }
            Matcher upsideDown = UPSIDE_DOWN.matcher(clause);
            if (upsideDown.find() && !seen.contains(Kind.FLIP) && !seen.contains(Kind.ROTATE)) {
                found.add(new Found(upsideDown.start(), upsideDown.end(), Kind.ROTATE, true));
            }
            // one brightness step per clause: "brighten the dark corners" brightens
            if (seen.contains(Kind.BRIGHTEN) && seen.contains(Kind.DARKEN)) {
                found.removeIf(f -> f.kind() == Kind.DARKEN);
            }
            found.sort(Comparator.comparingInt(Found::at));
            for (Found f : found) {
                steps.add(step(f, clause, previous));
            }
            if (!found.isEmpty()) {
                previous = clause;
            }
        }
        if (steps.isEmpty()) {
            throw new ModelException("the instruction '" + instruction + "' names no image operation that"
                    + " local/opencv-image-ops knows: " + KNOWN + ". It is not a generative model: it cannot add,"
                    + " remove or change objects.");
        }
        if (steps.size() > MAX_STEPS) {
            throw new ModelException("the instruction names " + steps.size() + " operations; at most " + MAX_STEPS);
        }
        return steps;
    }

    private static Step step(Found found, String clause, String previous) throws ModelException {
        // the words around the operation's own word qualify it: "much brighter", "blur it slightly", "대비를 낮춰"
        String near = clause.substring(Math.max(0, found.at() - 25), Math.min(clause.length(), found.end() + 10));
        double strength = WEAK.matcher(near).find() ? 0.5 : STRONG.matcher(near).find() ? 2.0 : 1.0;
        String prefix = strength < 1 ? "slight " : strength > 1 ? "strong " : "";
        // "lower the contrast", "the contrast lower", "대비를 낮춰"; but not "brighter with less noise"; and in
        // "reduce the brightness and contrast" the second clause has no verb of its own
        String around = clause.substring(Math.max(0, found.at() - 25), Math.min(clause.length(), found.end() + 8));
        boolean less = LESS.matcher(around).find() || !VERB.matcher(clause).find() && LESS.matcher(previous).find();
        return switch (found.kind()) {
            case GRAYSCALE -> new Step(Kind.GRAYSCALE, 0, 1, "grayscale");
            case SEPIA -> new Step(Kind.SEPIA, 0, Math.min(1, strength), strength < 1 ? "slight sepia" : "sepia");
            case INVERT -> new Step(Kind.INVERT, 0, 1, "invert");
            case BLUR -> new Step(Kind.BLUR, 0, strength, prefix + "blur");
            case SHARPEN -> new Step(Kind.SHARPEN, 0, strength, prefix + "sharpen");
            case BRIGHTEN, DARKEN -> {
                boolean darker = (found.kind() == Kind.DARKEN) != less;
                yield new Step(darker ? Kind.DARKEN : Kind.BRIGHTEN, 0, strength, prefix + (darker ? "darken" : "brighten"));
            }
            case CONTRAST -> {
                double gain = 1 + 0.35 * strength;
                yield less ? new Step(Kind.CONTRAST, 1 / gain, strength, prefix + "less contrast")
                        : new Step(Kind.CONTRAST, gain, strength, prefix + "more contrast");
            }
            case DENOISE -> new Step(Kind.DENOISE, 0, strength, prefix + "denoise");
            case RESIZE -> resize(clause);
            case ROTATE -> rotate(clause, found.upsideDown());
            case FLIP -> {
                int code = BOTH.matcher(clause).find() ? -1 : VERTICAL.matcher(clause).find() ? 0 : 1;
                yield new Step(Kind.FLIP, code, 1, code == -1 ? "flip both ways" : code == 0 ? "flip vertical" : "flip horizontal");
            }
            case CARTOON -> new Step(Kind.CARTOON, 0, 1, "cartoon");
            case STYLIZE -> new Step(Kind.STYLIZE, 0, 1, "painting-like stylization");
            case SMOOTH -> new Step(Kind.SMOOTH, 0, strength, prefix + "edge-preserving smoothing");
            case PIXELATE -> new Step(Kind.PIXELATE, 0, strength, prefix + "pixelate");
        };
    }

    private static Step resize(String clause) throws ModelException {
        boolean down = DOWNSIZE.matcher(clause).find();
        boolean up = UPSIZE.matcher(clause).find();
        double factor;
        Matcher percent = PERCENT.matcher(clause);
        Matcher times = TIMES.matcher(clause);
        Matcher wordTimes = WORD_TIMES.matcher(clause);
        double n = 0;
        if (times.find()) {
            n = Double.parseDouble(times.group(1));
        } else if (wordTimes.find()) {
            n = NUMBERS.get(wordTimes.group(1) != null ? wordTimes.group(1) : wordTimes.group(2));
        }
        if (percent.find()) {
            factor = Double.parseDouble(percent.group(1)) / 100;
        } else if (n > 0) {
            factor = down && n > 1 ? 1 / n : n;
        } else if (clause.contains("quarter")) {
            factor = 0.25;
        } else if (clause.contains("half") || clause.contains("halve") || clause.contains("절반") || clause.contains("반으로")) {
            factor = 0.5;
        } else if (down) {
            factor = 0.5;
        } else if (up) {
            factor = 2;
        } else {
            throw new ModelException("say how much to resize: 'upscale 2x', 'half size' or 'resize to 50%'");
        }
        if (!(factor > 0.01 && factor <= 16) || factor == 1) {
            throw new ModelException("a resize factor of " + factor + " is out of range (0.01 to 16, not 1)");
        }
        String f = factor == Math.rint(factor) ? String.valueOf((int) factor) : String.valueOf(Math.round(factor * 1000) / 1000.0);
        return new Step(Kind.RESIZE, factor, 1, (factor > 1 ? "upscale " : "downscale ") + f + "x");
    }

    private static Step rotate(String clause, boolean upsideDown) throws ModelException {
        int angle = upsideDown ? 180 : 90;
        Matcher degrees = DEGREES.matcher(clause);
        Matcher rightAngle = RIGHT_ANGLE.matcher(clause);
        if (degrees.find()) {
            angle = Integer.parseInt(degrees.group(1));
        } else if (rightAngle.find()) {
            angle = Integer.parseInt(rightAngle.group(1));
        }
        if (COUNTERCLOCKWISE.matcher(clause).find()) {
            angle = -angle;
        }
        angle = Math.floorMod(angle, 360);
        if (angle % 90 != 0 || angle == 0) {
            throw new ModelException("local/opencv-image-ops rotates by 90, 180 or 270 degrees only, not " + angle);
        }
        String name = angle == 90 ? "rotate 90 clockwise" : angle == 180 ? "rotate 180" : "rotate 90 counterclockwise";
        return new Step(Kind.ROTATE, angle, 1, name);
    }

    static Mat apply(Step step, Mat in) throws ModelException {
        int minSide = Math.min(in.cols(), in.rows());
        double s = step.strength();
        Mat out = new Mat();
        switch (step.kind()) {
            case GRAYSCALE -> {
                Mat gray = new Mat();
                Imgproc.cvtColor(in, gray, Imgproc.COLOR_BGR2GRAY);
                Imgproc.cvtColor(gray, out, Imgproc.COLOR_GRAY2BGR);
            }
            case SEPIA -> {
                // the usual sepia tone matrix, rows and columns in OpenCV's B, G, R order
                Mat kernel = new Mat(3, 3, CvType.CV_32F);
                kernel.put(0, 0, 0.131, 0.534, 0.272, 0.168, 0.686, 0.349, 0.189, 0.769, 0.393);
                Core.transform(in, out, kernel);
                if (s < 1) {
                    Core.addWeighted(out, s, in, 1 - s, 0, out);
                }
            }
            case INVERT -> Core.bitwise_not(in, out);
            case BLUR -> Imgproc.GaussianBlur(in, out, new Size(0, 0), Math.max(1.5, minSide / 160.0) * s);
            case SHARPEN -> {
                Mat blurred = new Mat();
                Imgproc.GaussianBlur(in, blurred, new Size(0, 0), Math.max(1.0, minSide / 400.0));
                Core.addWeighted(in, 1 + s, blurred, -s, 0, out);
            }
            case BRIGHTEN, DARKEN -> {
                double gamma = step.kind() == Kind.BRIGHTEN ? 1 / (1 + 0.5 * s) : 1 + 0.5 * s;
                Mat table = new Mat(1, 256, CvType.CV_8U);
                byte[] values = new byte[256];
                for (int i = 0; i < 256; i++) {
                    values[i] = (byte) Math.round(255 * Math.pow(i / 255.0, gamma));
                }
                table.put(0, 0, values);
                Core.LUT(in, table, out);
            }
            case CONTRAST -> {
                Mat gray = new Mat();
                Imgproc.cvtColor(in, gray, Imgproc.COLOR_BGR2GRAY);
                double mean = Core.mean(gray).val[0];
                double gain = step.parameter();
                in.convertTo(out, -1, gain, mean * (1 - gain));
            }
            case DENOISE -> {
                // filter strength h follows the noise measured in the image, as non-local means wants h ~ sigma
                float h = (float) Math.max(3, Math.min(30, noiseSigma(in) * s));
                Photo.fastNlMeansDenoisingColored(in, out, h, h, 7, 21);
            }
            case RESIZE -> {
                long width = Math.max(1, Math.round(in.cols() * step.parameter()));
                long height = Math.max(1, Math.round(in.rows() * step.parameter()));
                if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
                    throw new ModelException("the result would be " + width + "x" + height + " pixels; at most " + MAX_SIDE
                            + " a side and " + MAX_PIXELS / 1_000_000 + " megapixels");
                }
                Imgproc.resize(in, out, new Size(width, height), 0, 0,
                        step.parameter() > 1 ? Imgproc.INTER_CUBIC : Imgproc.INTER_AREA);
            }
            case ROTATE -> Core.rotate(in, out, step.parameter() == 90 ? Core.ROTATE_90_CLOCKWISE
                    : step.parameter() == 180 ? Core.ROTATE_180 : Core.ROTATE_90_COUNTERCLOCKWISE);
            case FLIP -> Core.flip(in, out, (int) step.parameter());
            case CARTOON -> cartoon(in, out, minSide);
            case STYLIZE -> Photo.stylization(in, out, 60, 0.45f);
            case SMOOTH -> Photo.edgePreservingFilter(in, out, Photo.RECURS_FILTER, 60, (float) Math.min(1.0, 0.4 * s));
            case PIXELATE -> {
                int block = (int) Math.max(4, Math.round(minSide / 64.0 * s));
                Mat small = new Mat();
                Imgproc.resize(in, small, new Size(Math.max(1, in.cols() / block), Math.max(1, in.rows() / block)), 0, 0,
                        Imgproc.INTER_AREA);
                Imgproc.resize(small, out, in.size(), 0, 0, Imgproc.INTER_NEAREST);
            }
            default -> throw new IllegalStateException(step.kind().name());
        }
        return out;
    }

    /**
     * The standard deviation of Gaussian noise in the image, estimated from its gray levels as in J. Immerkaer, "Fast
     * noise variance estimation" (1996): the mean absolute response to a mask that cancels smooth image structure.
     */
    static double noiseSigma(Mat image) {
        Mat gray = new Mat();
        Imgproc.cvtColor(image, gray, Imgproc.COLOR_BGR2GRAY);
        gray.convertTo(gray, CvType.CV_32F);
        Mat mask = new Mat(3, 3, CvType.CV_32F);
        mask.put(0, 0, 1, -2, 1, -2, 4, -2, 1, -2, 1);
        Mat response = new Mat();
        Imgproc.filter2D(gray, response, -1, mask);
        Mat inner = new Mat();
        Core.absdiff(response.submat(1, response.rows() - 1, 1, response.cols() - 1), Scalar.all(0), inner);
        return Math.sqrt(Math.PI / 2) / 6 * Core.mean(inner).val[0];
    }

    /** Flat colours (edge-preserving smoothing, lightness in a few levels) with dark outlines from the gray image. */
    private static void cartoon(Mat in, Mat out, int minSide) {
        Mat flat = new Mat();
        Photo.edgePreservingFilter(in, flat, Photo.RECURS_FILTER, 60, 0.5f);
        // flat shading: the lightness in eight levels, the colour (a, b of Lab) kept, so hues do not shift
        Mat lab = new Mat();
        Imgproc.cvtColor(flat, lab, Imgproc.COLOR_BGR2Lab);
        List<Mat> channels = new ArrayList<>();
        Core.split(lab, channels);
        Mat levels = new Mat(1, 256, CvType.CV_8U);
        byte[] values = new byte[256];
        for (int i = 0; i < 256; i++) {
            values[i] = (byte) Math.min(255, Math.round(i / 32.0) * 32);
        }
        levels.put(0, 0, values);
        Core.LUT(channels.get(0), levels, channels.get(0));
        Core.merge(channels, lab);
        Imgproc.cvtColor(lab, flat, Imgproc.COLOR_Lab2BGR);
        Mat gray = new Mat();
        Imgproc.cvtColor(in, gray, Imgproc.COLOR_BGR2GRAY);
        Imgproc.medianBlur(gray, gray, 7);
        Mat edges = new Mat();
        int block = Math.max(9, minSide / 40) | 1;
        Imgproc.adaptiveThreshold(gray, edges, 255, Imgproc.ADAPTIVE_THRESH_MEAN_C, Imgproc.THRESH_BINARY, block, 8);
        Mat mask = new Mat();
        Imgproc.cvtColor(edges, mask, Imgproc.COLOR_GRAY2BGR);
        Core.bitwise_and(flat, mask, out);
    }
}
