package vn.lienthong.cli;

import picocli.CommandLine.Command;

/**
 * {@code held list | show KEY | release KEY | discard KEY --reason TEXT}: documents the running connector holds, of
 * both directions: packages from the axis that were refused or quarantined (as {@code inbound} shows them), and
 * documents the signature policy quarantined on their way out. Released, an inbound package is delivered to the DMS
 * and an outbound document is queued for the axis; discarded, either ends with the reason. Each action is in the
 * transmission log with who did it.
 */
@Command(
        name = "held",
        mixinStandardHelpOptions = true,
        description = {
                "Văn bản đang bị giữ lại, cả hai chiều (nhận từ trục: bị từ chối hoặc cách ly; gửi đi: bị cách ly vì"
                        + " chữ ký số): xem, chuyển tiếp hoặc loại bỏ.",
                "Held documents of both directions (from the axis: refused or quarantined; outgoing: quarantined by the"
                        + " signature policy): list, show, release or discard.",
                "Exit / Mã thoát: 0 done, 1 not found, no longer held or refused, 2 the connector cannot be reached or"
                        + " usage error."},
        subcommands = {HeldCommand.ListHeld.class, HeldCommand.Show.class, HeldCommand.Release.class,
                HeldCommand.Discard.class})
final class HeldCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Liệt kê văn bản đang bị giữ lại: nhận từ trục trước, rồi văn bản gửi đi.",
                    "Lists the held documents: received ones first, then outgoing ones."})
    static final class ListHeld extends InboundCommand.ListHeld {
        @Override
        String resource() {
            return "held";
        }

        @Override
        String heading() {
            return "Văn bản đang bị giữ lại / Held documents: ";
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Mọi lý do giữ lại một văn bản, báo cáo chữ ký và nhật ký truyền nhận của nó.",
                    "Every reason a document is held, its signature report and its transmission log entries."})
    static final class Show extends InboundCommand.Show {
        @Override
        String resource() {
            return "held";
        }
    }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = {"Chuyển tiếp văn bản đang bị giữ lại: văn bản nhận tới DMS, văn bản gửi đi lên trục.",
                    "Releases a held document: a received one to the DMS, an outgoing one to the axis."})
    static final class Release extends InboundCommand.Release {
        @Override
        String resource() {
            return "held";
        }

        @Override
        String released(String key) {
            return "Đã chuyển tiếp văn bản " + key + " / Released document " + key;
        }
    }

    @Command(name = "discard", mixinStandardHelpOptions = true,
            description = {"Loại bỏ văn bản đang bị giữ lại, kèm lý do; văn bản vẫn được lưu, không bị xóa.",
                    "Discards a held document, with a reason; it is kept, not deleted."})
    static final class Discard extends InboundCommand.Discard {
        @Override
        String resource() {
            return "held";
        }

        @Override
        String discarded(String key) {
            return "Đã loại bỏ văn bản " + key + " / Discarded document " + key;
        }
    }

    private HeldCommand() {
    }
}
