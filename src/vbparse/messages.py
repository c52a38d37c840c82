"""Every message of the checkers (`vbparse lint`, and `vbparse check`/`check-batch` under keys
"check.*"), in Vietnamese (default) and English, in one table.

Messages speak to a clerk checking a document by eye: they name the component or the words, say
what the decree asks, and what to write. Placeholders are filled by `render`; a placeholder
`{x_label}` is the localised name of the LABELS entry given as `x`.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # --- missing_component ---
    "missing_component": {
        "vi": "Thiếu {component_label} (thành phần thể thức bắt buộc theo Nghị định 30/2020/NĐ-CP).",
        "en": "Missing {component_label} (a required component under Decree 30/2020/NĐ-CP).",
    },
    # --- number_format ---
    "number_spaces": {
        "vi": "Số, ký hiệu “{found}” có khoảng trắng bên trong; viết liền, không cách chữ.",
        "en": "The number and symbol “{found}” contain spaces; write them without spaces.",
    },
    "number_separator": {
        "vi": "Số, ký hiệu “{found}” sai dấu: giữa số và ký hiệu là gạch chéo (/), giữa các nhóm "
        "chữ viết tắt là gạch nối (-).",
        "en": "The number and symbol “{found}” use the wrong separators: a slash (/) between the "
        "number and the symbol, a hyphen (-) between the letter groups.",
    },
    "number_party_style": {
        "vi": "Số “{found}” viết theo kiểu văn bản của Đảng, Đoàn (số-ký hiệu/…) nhưng cơ quan "
        "ban hành là cơ quan nhà nước.",
        "en": "The number “{found}” follows the Party/Youth Union style (number-type/body) but the "
        "issuer is a state body.",
    },
    "number_type_mismatch": {
        "vi": "Ký hiệu “{found}” ghi loại “{got}” nhưng văn bản là {type_name}; chữ viết tắt theo "
        "Phụ lục III là “{expected}”.",
        "en": "The symbol “{found}” carries the type code “{got}” but the document is a "
        "{type_name}; Annex III abbreviates it “{expected}”.",
    },
    "number_type_missing": {
        "vi": "Ký hiệu “{found}” thiếu chữ viết tắt tên loại văn bản “{expected}” ({type_name}, "
        "Phụ lục III).",
        "en": "The symbol “{found}” lacks the type code “{expected}” ({type_name}, Annex III).",
    },
    "number_cong_van_code": {
        "vi": "Công văn không ghi chữ viết tắt tên loại trong ký hiệu, nhưng “{found}” mang mã "
        "“{got}” ({type_name}).",
        "en": "A công văn carries no type code in its symbol, but “{found}” has “{got}” "
        "({type_name}).",
    },
    "number_leading_zero": {
        "vi": "Số văn bản nhỏ hơn 10 phải ghi thêm số 0 phía trước.",
        "en": "A document number below 10 takes a leading zero.",
    },
    "number_colon": {
        "vi": "Sau từ “Số” phải có dấu hai chấm (Số: …).",
        "en": "The word “Số” must be followed by a colon (Số: …).",
    },
    # --- date_format ---
    "date_missing_zero": {
        "vi": "Ngày nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước.",
        "en": "Days below 10 and months 1 and 2 take a leading zero.",
    },
    "date_extra_zero": {
        "vi": "Tháng {month} không ghi số 0 phía trước (chỉ ngày dưới 10 và tháng 1, 2 có số 0).",
        "en": "Month {month} takes no leading zero (only days below 10 and months 1, 2 do).",
    },
    "date_spaces": {
        "vi": "Có khoảng trắng chen giữa các chữ số của ngày tháng.",
        "en": "A space splits the digits of the date.",
    },
    "date_impossible": {
        "vi": "Ngày “{found}” không có thật trên lịch.",
        "en": "The date “{found}” does not exist.",
    },
    "date_future": {
        "vi": "Ngày ban hành {date} ở sau ngày hôm nay ({today}).",
        "en": "The date of issue {date} is after today ({today}).",
    },
    # --- fixed_phrase ---
    "phrase_misspelled": {
        "vi": "“{found}” viết sai; cụm từ cố định là “{expected}”.",
        "en": "“{found}” is misspelled; the fixed phrase is “{expected}”.",
    },
    "phrase_case": {
        "vi": "{phrase} phải viết in hoa: “{expected}”.",
        "en": "The {phrase} is written in capitals: “{expected}”.",
    },
    "phrase_colon": {
        "vi": "Sau “{phrase}” phải có dấu hai chấm (:).",
        "en": "“{phrase}” must be followed by a colon (:).",
    },
    "phrase_dash": {
        "vi": "Giữa các cụm từ của Tiêu ngữ là gạch nối (-), có cách chữ.",
        "en": "The motto's phrases are joined by hyphens (-) with spaces.",
    },
    # --- name_variant ---
    "name_variant": {
        "vi": "“{found}” và “{other}” (dòng {other_lines}) là một tên viết hai cách; cần thống "
        "nhất một cách viết.",
        "en": "“{found}” and “{other}” (line {other_lines}) are one name spelled two ways; use "
        "one spelling.",
    },
    "word_variant": {
        "vi": "“{found}” viết khác “{other}” (dòng {other_lines}); từ đúng là “{other}”.",
        "en": "“{found}” differs from “{other}” (line {other_lines}); the word is “{other}”.",
    },
    # --- repeated_word ---
    "repeated_word": {
        "vi": "Từ “{word}” bị lặp: “{found}”.",
        "en": "The word “{word}” is doubled: “{found}”.",
    },
    # --- spelling ---
    "spelling": {
        "vi": "“{found}” không phải từ tiếng Việt thường gặp; có lẽ là “{expected}”.",
        "en": "“{found}” is not a usual Vietnamese word; probably “{expected}”.",
    },
    # --- citation_incomplete ---
    "citation_incomplete": {
        "vi": "Lần viện dẫn đầu tiên văn bản số {ref} thiếu {missing_label}; khi viện dẫn lần đầu "
        "phải ghi đủ tên loại, số, ký hiệu, ngày ban hành, cơ quan ban hành và trích yếu.",
        "en": "The first citation of document {ref} lacks {missing_label}; a first citation gives "
        "the type, number, date, issuing body and subject.",
    },
    # --- numbering ---
    "numbering_gap": {
        "vi": "Đánh số bị nhảy: sau “{prev}” là “{got}”, thiếu “{expected}”.",
        "en": "Numbering skips: “{got}” follows “{prev}”; “{expected}” is missing.",
    },
    "numbering_repeat": {
        "vi": "Số thứ tự “{got}” bị lặp lại (sau “{prev}” phải là “{expected}”).",
        "en": "The number “{got}” is repeated (after “{prev}” comes “{expected}”).",
    },
    "numbering_order": {
        "vi": "Số thứ tự “{got}” đứng sau “{prev}”, không đúng thứ tự (phải là “{expected}”).",
        "en": "“{got}” follows “{prev}” out of order (expected “{expected}”).",
    },
    "numbering_start": {
        "vi": "Đánh số bắt đầu từ “{got}” thay vì “{expected}”.",
        "en": "Numbering starts at “{got}” instead of “{expected}”.",
    },
    # --- structure ---
    "structure_purpose": {
        "vi": "Kế hoạch không có phần mục đích, yêu cầu.",
        "en": "The plan has no purpose section (mục đích, yêu cầu).",
    },
    "structure_organisation": {
        "vi": "Kế hoạch không có phần tổ chức thực hiện, phân công trách nhiệm.",
        "en": "The plan has no organisation/responsibility section (tổ chức thực hiện).",
    },
    "structure_articles": {
        "vi": "Quyết định không có điều khoản (Điều 1, Điều 2, …).",
        "en": "The decision has no articles (Điều 1, Điều 2, …).",
    },
    # === vbparse check / check-batch: a school's plan against its parent plan ("check.*") ===
    # Findings; the placeholders hold dates (d/m/yyyy), numbers and quoted names.
    "check.parent_reference_missing": {
        "vi": "Kế hoạch của đơn vị không viện dẫn kế hoạch cấp trên (số {ref}, ngày {date}) ở bất "
        "kỳ chỗ nào.",
        "en": "The child does not cite the parent plan {ref} of {date} anywhere.",
    },
    "check.parent_reference_missing_undated": {
        "vi": "Kế hoạch của đơn vị không viện dẫn kế hoạch cấp trên (số {ref}) ở bất kỳ chỗ nào.",
        "en": "The child does not cite the parent plan {ref} anywhere.",
    },
    "check.parent_reference_mismatch": {
        "vi": "Kế hoạch của đơn vị viện dẫn kế hoạch cấp trên chưa đúng: {parts}.",
        "en": "The child cites the parent plan with {parts}.",
    },
    "check.ref_number": {
        "vi": "ghi số, ký hiệu {cited} thay vì {own}",
        "en": "number {cited} instead of {own}",
    },
    "check.ref_date": {
        "vi": "ghi ngày {cited} thay vì {own}",
        "en": "date {cited} instead of {own}",
    },
    "check.ref_issuer": {
        "vi": "ghi cơ quan ban hành “{cited}” thay vì “{own}”",
        "en": "issuer “{cited}” instead of “{own}”",
    },
    "check.date_order": {
        "vi": "Kế hoạch của đơn vị ban hành ngày {child}, trước cả ngày ban hành kế hoạch cấp trên "
        "({parent}) mà kế hoạch này triển khai thực hiện.",
        "en": "The child is dated {child}, before the parent it implements ({parent}).",
    },
    "check.period_mismatch": {
        "vi": "Kế hoạch của đơn vị áp dụng cho {child}, trong khi kế hoạch cấp trên áp dụng cho "
        "{parent}.",
        "en": "The child's period is {child}; the parent's is {parent}.",
    },
    "check.period_school_year": {"vi": "năm học {year}", "en": "the school year {year}"},
    "check.period_year": {"vi": "năm {year}", "en": "the year {year}"},
    "check.deadline_mismatch": {
        "vi": "Mục {parent_id} của kế hoạch cấp trên yêu cầu {wanted}; mục {child_id} của kế hoạch "
        "đơn vị chỉ ghi {given} (còn thiếu: {missing}).",
        "en": "Parent {parent_id} asks for {wanted}; child {child_id} promises {given} (missing: "
        "{missing}).",
    },
    "check.target_mismatch": {
        "vi": "Mục {parent_id} của kế hoạch cấp trên đặt chỉ tiêu “{wanted}”; mục {child_id} của "
        "kế hoạch đơn vị chỉ đặt “{given}”, thấp hơn.",
        "en": "Parent {parent_id} sets the target “{wanted}”; child {child_id} sets only "
        "“{given}”, a weaker one.",
    },
    "check.actor_mismatch": {
        "vi": "Mục {parent_id} của kế hoạch cấp trên giao {wanted} {verb}; mục {child_id} của kế "
        "hoạch đơn vị lại giao cho {given}.",
        "en": "Parent {parent_id} has the {wanted} ({verb}); child {child_id} gives it to the "
        "{given}.",
    },
    "check.deadline_by": {"vi": "trước ngày {date}", "en": "by {date}"},
    "check.no_deadline": {"vi": "không nêu thời hạn", "en": "no deadline"},
    # Report intervals, by months between reports.
    "check.every_1": {"vi": "báo cáo hằng tháng", "en": "monthly reports"},
    "check.every_3": {"vi": "báo cáo hằng quý", "en": "quarterly reports"},
    "check.every_6": {"vi": "báo cáo sơ kết 6 tháng", "en": "half-year reports"},
    "check.every_12": {"vi": "báo cáo tổng kết năm", "en": "yearly reports"},
    "check.quote_mismatch": {
        "vi": "Kế hoạch của đơn vị ghi “{child}”, trong khi tên gọi trong kế hoạch cấp trên là "
        "“{parent}”.",
        "en": "The child quotes “{child}” where the parent's name is “{parent}”.",
    },
    # Report words. Status, kind and severity keys end in the JSON value they name.
    "check.status.covered": {"vi": "đã có", "en": "covered"},
    "check.status.partial": {"vi": "có một phần", "en": "partial"},
    "check.status.missing": {"vi": "chưa có", "en": "missing"},
    "check.kind.task": {"vi": "nhiệm vụ", "en": "task"},
    "check.kind.solution": {"vi": "giải pháp", "en": "solution"},
    "check.kind.duty": {"vi": "trách nhiệm được giao", "en": "duty"},
    "check.kind.reporting": {"vi": "chế độ báo cáo", "en": "reporting"},
    "check.severity.error": {"vi": "lỗi", "en": "error"},
    "check.severity.warning": {"vi": "cảnh báo", "en": "warning"},
    "check.severity.info": {"vi": "lưu ý", "en": "info"},
    "check.title": {"vi": "Kết quả đối chiếu kế hoạch", "en": "Plan check"},
    "check.parent": {"vi": "Kế hoạch cấp trên: {doc}", "en": "Parent: {doc}"},
    "check.child": {"vi": "Kế hoạch của đơn vị: {doc}", "en": "Child: {doc}"},
    "check.doc": {"vi": "Số {number}, ngày {date} — {path}", "en": "{number} of {date} — {path}"},
    "check.no_number": {"vi": "(không có số)", "en": "(no number)"},
    "check.summary": {
        "vi": "Tỷ lệ đáp ứng {ratio}: trong {items} nội dung của kế hoạch cấp trên, {covered} nội "
        "dung đã có, {partial} có một phần, {missing} chưa có; {findings} vấn đề cần xem lại; "
        "{extras} mục không tương ứng với kế hoạch cấp trên.",
        "en": "Coverage {ratio}: {covered} covered, {partial} partial, {missing} missing of {items} "
        "parent items; {findings} finding(s); {extras} extra section(s).",
    },
    "check.h.coverage": {"vi": "Đối chiếu từng nội dung", "en": "Coverage"},
    "check.h.findings": {"vi": "Các vấn đề phát hiện", "en": "Findings"},
    "check.h.gaps": {
        "vi": "Nội dung chưa có hoặc mới có một phần",
        "en": "Partial and missing items",
    },
    "check.h.extras": {
        "vi": "Nội dung của đơn vị không tương ứng với kế hoạch cấp trên",
        "en": "Extras (child sections that answer no parent item)",
    },
    "check.col.parent_item": {"vi": "Mục của cấp trên", "en": "Parent item"},
    "check.col.kind": {"vi": "Loại nội dung", "en": "Kind"},
    "check.col.status": {"vi": "Tình trạng", "en": "Status"},
    "check.col.score": {"vi": "Độ tương đồng", "en": "Score"},
    "check.col.child_sections": {"vi": "Mục của đơn vị", "en": "Child sections"},
    "check.col.evidence": {"vi": "Nội dung tương ứng của đơn vị", "en": "Evidence"},
    "check.col.text": {"vi": "Nội dung", "en": "Text"},
    "check.no_findings": {"vi": "Không phát hiện vấn đề nào.", "en": "No findings."},
    "check.no_gaps": {
        "vi": "Kế hoạch của đơn vị đã có đủ các nội dung của kế hoạch cấp trên.",
        "en": "Every parent item is covered.",
    },
    "check.no_answer": {
        "vi": "(kế hoạch của đơn vị không có nội dung tương ứng)",
        "en": "(nothing in the child answers it)",
    },
    "check.none": {"vi": "Không có.", "en": "None."},
    "check.at_parent": {"vi": "Cấp trên — {where}", "en": "Parent {where}"},
    "check.at_child": {"vi": "Đơn vị — {where}", "en": "Child {where}"},
    "check.line": {"vi": "dòng {line}", "en": "line {line}"},
    "check.header": {"vi": "(phần đầu văn bản)", "en": "(header)"},
    # Why a file cannot be checked.
    "check.error.not_plan": {
        "vi": "là {kind}, không phải kế hoạch",
        "en": "is a {kind}, not a plan (kế hoạch)",
    },
    "check.error.no_units": {
        "vi": "không có mục đánh số nào nêu nhiệm vụ: không phải kế hoạch đối chiếu được",
        "en": "no numbered sections with tasks found: not a plan the checker can read",
    },
    "check.error.no_items": {
        "vi": "không thấy nhiệm vụ, giải pháp, phân công hay chế độ báo cáo nào: không phải kế "
        "hoạch đối chiếu được",
        "en": "no tasks, solutions, duties or reporting items found: not a plan the checker can "
        "read",
    },
    "check.error.no_id": {
        "vi": "phần đầu văn bản không có số (Số: …) lẫn ngày ban hành",
        "en": "neither a number (Số: …) nor a date found in the header",
    },
    # check-batch
    "check.batch.title": {
        "vi": "Tổng hợp đối chiếu kế hoạch của các đơn vị",
        "en": "District check",
    },
    "check.batch.counts": {
        "vi": "Đã đối chiếu {checked} kế hoạch; {failed} tệp không đọc được.",
        "en": "{checked} school plan(s) checked, {failed} could not be read.",
    },
    "check.batch.key": {"vi": "Ký hiệu:", "en": "Key:"},
    "check.batch.h.matrix": {
        "vi": "Bảng tổng hợp theo đơn vị và nội dung",
        "en": "Coverage matrix",
    },
    "check.batch.h.failures": {
        "vi": "Tệp không đối chiếu được",
        "en": "Files that could not be checked",
    },
    "check.batch.h.per_school": {"vi": "Vấn đề của từng đơn vị", "en": "Findings per school"},
    "check.batch.col.school": {"vi": "Kế hoạch của đơn vị", "en": "School plan"},
    "check.batch.col.file": {"vi": "Tệp", "en": "File"},
    "check.batch.col.ratio": {"vi": "Tỷ lệ đáp ứng", "en": "Ratio"},
    "check.batch.col.findings": {"vi": "Vấn đề", "en": "Findings"},
    "check.batch.col.reason": {"vi": "Lý do", "en": "Reason"},
    "check.batch.col.code": {"vi": "Mã", "en": "Code"},
    "check.batch.col.severity": {"vi": "Mức độ", "en": "Severity"},
    "check.batch.col.message": {"vi": "Nội dung", "en": "Message"},
    "check.batch.col.parent_location": {
        "vi": "Vị trí ở kế hoạch cấp trên",
        "en": "Parent location",
    },
    "check.batch.col.child_location": {"vi": "Vị trí ở kế hoạch đơn vị", "en": "Child location"},
    "check.batch.total": {
        "vi": "Số đơn vị {status} (trên {total} trường)",
        "en": "Total {status} (of {total} schools)",
    },
    "check.batch.missing_list": {"vi": "Chưa có: {items}", "en": "Missing: {items}"},
    "check.batch.unreadable": {"vi": "không đọc được: {path}", "en": "unreadable: {path}"},
    "check.batch.worker_lost": {
        "vi": "tiến trình đang kiểm tra tệp này đã dừng đột ngột",
        "en": "the process checking this file stopped unexpectedly",
    },
    "check.batch.sheet.coverage": {"vi": "Tổng hợp", "en": "Coverage"},
    "check.batch.sheet.findings": {"vi": "Vấn đề", "en": "Findings"},
    # --- form (lint/form: Phụ lục I of Nghị định 30/2020) ---
    "form_page_size": {
        "vi": "Khổ giấy {found} mm, quy định khổ A4 {expected} mm ({ref}).",
        "en": "Paper size {found} mm; the decree requires A4, {expected} mm ({ref}).",
    },
    "form_margin": {
        "vi": "{side_label} {found} mm, quy định {expected} mm ({ref}).",
        "en": "{side_label} is {found} mm; the decree requires {expected} mm ({ref}).",
    },
    "form_font": {
        "vi": "Phông chữ {found}, quy định phông Times New Roman, bộ mã Unicode ({ref}).",
        "en": "Font {found}; the decree requires Times New Roman in Unicode ({ref}).",
    },
    "form_size": {
        "vi": "{component_label}: cỡ chữ {found}, quy định {expected} ({ref}).",
        "en": "{component_label}: font size {found}, the decree requires {expected} ({ref}).",
    },
    "form_body_size": {
        "vi": "{component_label}: cỡ chữ {found} ở {count} đoạn, quy định {expected} ({ref}).",
        "en": "{component_label}: font size {found} in {count} paragraphs, the decree requires "
        "{expected} ({ref}).",
    },
    "form_upper": {
        "vi": "{component_label} phải trình bày bằng chữ in hoa ({ref}).",
        "en": "{component_label} must be in capitals ({ref}).",
    },
    "form_lower": {
        "vi": "{component_label} phải trình bày bằng chữ in thường, không in hoa cả dòng ({ref}).",
        "en": "{component_label} must be in lower case, not all capitals ({ref}).",
    },
    "form_bold": {
        "vi": "{component_label} phải in đậm ({ref}).",
        "en": "{component_label} must be bold ({ref}).",
    },
    "form_not_bold": {
        "vi": "{component_label} không in đậm ({ref}).",
        "en": "{component_label} is not set in bold ({ref}).",
    },
    "form_italic": {
        "vi": "{component_label} phải in nghiêng ({ref}).",
        "en": "{component_label} must be italic ({ref}).",
    },
    "form_not_italic": {
        "vi": "{component_label} trình bày kiểu chữ đứng, không in nghiêng ({ref}).",
        "en": "{component_label} is set upright, not italic ({ref}).",
    },
    "form_align": {
        "vi": "{component_label}: căn lề {found_label}, quy định {expected_label} ({ref}).",
        "en": "{component_label}: aligned {found_label}, the decree requires {expected_label} "
        "({ref}).",
    },
    "form_body_align": {
        "vi": "{component_label}: {count} đoạn không canh đều hai lề ({ref}).",
        "en": "{component_label}: {count} paragraphs are not justified ({ref}).",
    },
    "form_side": {
        "vi": "{component_label} nằm ở {found_label}, quy định ở {expected_label} ({ref}).",
        "en": "{component_label} sits on the {found_label}; the decree puts it on the "
        "{expected_label} ({ref}).",
    },
    # --- signing (Phụ lục I, Phần I, mục II, khoản 7) ---
    "signing_no_title": {
        "vi": "Sau “{prefix}” phải ghi {expected} ({ref}).",
        "en": "“{prefix}” must be followed by {expected} ({ref}).",
    },
    "signing_deputy_missing": {
        "vi": "Ký thay (“KT.”) thì chức vụ người ký là cấp phó (“{expected}”), không phải "
        "“{found}” ({ref}).",
        "en": "With “KT.” the signer is a deputy (“{expected}”), not “{found}” ({ref}).",
    },
    "signing_deputy_without_kt": {
        "vi": "Cấp phó “{found}” ký thay người đứng đầu phải ghi “KT. {expected}” phía trên "
        "({ref}).",
        "en": "The deputy “{found}” signing for the head needs “KT. {expected}” above ({ref}).",
    },
    "signing_head_mismatch": {
        "vi": "“{found}” không phải người đứng đầu {issuer}; dòng “KT.” ghi chức vụ người đứng "
        "đầu cơ quan ban hành: “KT. {expected}” ({ref}).",
        "en": "“{found}” is not the head of {issuer}; the “KT.” line names the head of the "
        "issuing body: “KT. {expected}” ({ref}).",
    },
    "signing_same_title": {
        "vi": "Với “{prefix}” chức vụ người ký phải khác chức vụ ghi sau “{prefix}” ({ref}).",
        "en": "With “{prefix}” the signer's own title differs from the one after it ({ref}).",
    },
    "signing_report_to_head": {
        "vi": "Ký thay (“KT.”) thì Nơi nhận phải có người đứng đầu “{expected}” (để báo cáo) "
        "({ref}).",
        "en": "With “KT.” the recipients must list the head “{expected}” (to report) ({ref}).",
    },
    "signing_tm_missing": {
        "vi": "“{found}” ký thay mặt tập thể {issuer} phải ghi “TM. {expected}” phía trên ({ref}).",
        "en": "“{found}” signing on behalf of the collective body {issuer} needs “TM. {expected}” "
        "above ({ref}).",
    },
    "signing_tm_body": {
        "vi": "Sau “TM.” ghi tên tập thể lãnh đạo hoặc tên cơ quan, tổ chức, không ghi chức vụ "
        "“{found}” ({ref}).",
        "en": "“TM.” is followed by the collective body's name, not the title “{found}” ({ref}).",
    },
    # --- stray characters ---
    "stray_character": {
        "vi": "Ký tự lạ “{found}” chen giữa chữ “{word}”; viết “{expected}” ({ref}).",
        "en": "A stray “{found}” inside the word “{word}”; write “{expected}” ({ref}).",
    },
    # === vbparse eval-check ("evalcheck.*") ===
    "evalcheck.title": {
        "vi": "Bộ so khớp {matcher}: {cases} cặp (mục cấp trên, kế hoạch đơn vị) trong {children} "
        "kế hoạch của đơn vị",
        "en": "{matcher} matcher: {cases} (parent item, child) cases in {children} child plans",
    },
    "evalcheck.matcher.semantic": {"vi": "theo nghĩa", "en": "semantic"},
    "evalcheck.matcher.lexical": {"vi": "theo từ ngữ", "en": "lexical"},
    "evalcheck.missing": {
        "vi": "  mục còn thiếu        độ chính xác {p}  độ bao phủ {r}",
        "en": "  missing items   precision {p}  recall {r}",
    },
    "evalcheck.partial": {
        "vi": "  phân biệt đã có / có một phần: đúng {a}",
        "en": "  partial/covered accuracy {a}",
    },
    "evalcheck.findings": {
        "vi": "  vấn đề phát hiện     độ chính xác {p}  độ bao phủ {r}",
        "en": "  findings        precision {p}  recall {r}",
    },
    "evalcheck.verdict": {
        "vi": "  kết luận triển khai hay không: đúng {a}",
        "en": "  verdict accuracy {a}",
    },
    "evalcheck.wrong_verdict": {
        "vi": "{name}: kết luận “{got}”, đúng ra “{want}”",
        "en": "{name}: verdict {got}, expected {want}",
    },
    "evalcheck.wrong_status": {
        "vi": "{name} {item} ({level}): “{got}”, đúng ra “{want}”",
        "en": "{name} {item} ({level}): {got}, expected {want}",
    },
    "evalcheck.not_raised": {
        "vi": "{name}: {n} lần “{code}” không được phát hiện",
        "en": "{name}: {n}× {code} not raised",
    },
    "evalcheck.not_planted": {
        "vi": "{name}: {n} lần “{code}” phát hiện thừa (không cài vào)",
        "en": "{name}: {n}× {code} raised, not planted",
    },
    "evalcheck.no_cases": {
        "vi": "{path}: không có tệp này (dùng --root)",
        "en": "{path}: not found (use --root)",
    },
    "evalcheck.level.copy": {"vi": "chép nguyên", "en": "copy"},
    "evalcheck.level.light": {"vi": "sửa nhẹ", "en": "light"},
    "evalcheck.level.heavy": {"vi": "viết lại nhiều", "en": "heavy"},
    "evalcheck.level.part": {"vi": "một phần", "en": "part"},
    "evalcheck.level.merged": {"vi": "gộp mục", "en": "merged"},
    "evalcheck.level.split": {"vi": "tách mục", "en": "split"},
    "evalcheck.level.moved": {"vi": "chuyển chỗ", "en": "moved"},
    "evalcheck.level.table": {"vi": "trong bảng", "en": "table"},
    "evalcheck.level.dropped": {"vi": "bỏ đi", "en": "dropped"},
    "evalcheck.level.off_topic": {"vi": "không liên quan", "en": "off topic"},
    "check.status.present": {"vi": "đã có (hoặc một phần)", "en": "present"},
    # === vbparse train / eval-roles ("roles.*", "train.*") ===
    "roles.title": {
        "vi": "Vai trò của mục, kiểm định chéo {folds} phần theo văn bản ({documents} văn bản), "
        "{sections} mục cấp cao nhất",
        "en": "Section roles, {folds}-fold cross-validation grouped by document ({documents} "
        "documents), {sections} top-level sections",
    },
    "roles.accuracy": {"vi": "độ chính xác", "en": "accuracy"},
    "roles.col.rules": {"vi": "chỉ quy tắc", "en": "rules only"},
    "roles.col.model": {"vi": "chỉ mô hình", "en": "model only"},
    "roles.col.combined": {"vi": "kết hợp", "en": "combined"},
    "roles.col.support": {"vi": "số mục", "en": "support"},
    "roles.threshold": {
        "vi": "ngưỡng để thay vai trò kế thừa từ cấp trên: {threshold} (chỉnh trên {units} mục "
        "của kế hoạch đơn vị để riêng)",
        "en": "threshold for overruling an inherited role: {threshold} (tuned on {units} "
        "held-out child sections)",
    },
    "roles.errors": {"vi": "các mục hệ kết hợp gán sai:", "en": "combined-system errors:"},
    "roles.error": {
        "vi": "{document}: {where} đúng: {gold}; quy tắc: {rules}; mô hình: {model} (độ tin cậy "
        "{confidence})",
        "en": "{document}: {where} gold={gold} rules={rules} model={model} ({confidence})",
    },
    "train.no_corpus": {
        "vi": "{path}: không có thư mục corpus/ ở đây (dùng --root)",
        "en": "{path}: no corpus/ folder here (use --root)",
    },
    "train.saved": {"vi": "đã lưu {paths}", "en": "saved {paths}"},
    "train.similarity": {
        "vi": "đang huấn luyện véc-tơ từ cho bộ đối chiếu kế hoạch trên corpus/ …",
        "en": "training the plan checker's word vectors on corpus/ …",
    },
    # === vbparse parse --explain ("explain.*"): headings and labels only ===
    "explain.h.header": {
        "vi": "Các dòng phần đầu (vị trí, vùng, nhãn gợi ý)",
        "en": "Header lines (position, zone, tags)",
    },
    "explain.h.candidates": {
        "vi": "Các ứng viên (điểm, dòng, lý do); * = được chọn",
        "en": "Candidates (score, line, reasons); * = chosen",
    },
    "explain.h.closing": {
        "vi": "Các dòng phần cuối (vị trí, vùng, nhãn gợi ý)",
        "en": "Closing lines (position, zone, tags)",
    },
    "explain.h.result": {"vi": "Kết quả", "en": "Result"},
    "explain.candidates": {"vi": "{field}: {n} ứng viên", "en": "{field}: {n} candidate(s)"},
    "explain.line": {"vi": "dòng {line}", "en": "line {line}"},
    "explain.signer_block": {"vi": "khối chữ ký", "en": "signer block"},
    "explain.field.number": {"vi": "số, ký hiệu", "en": "number (Số, ký hiệu)"},
    "explain.field.date": {"vi": "địa danh, ngày", "en": "issued (địa danh, ngày)"},
    "explain.field.title": {"vi": "tên loại văn bản", "en": "doc_type (tên loại)"},
    "explain.field.vv": {"vi": "trích yếu công văn (V/v)", "en": "subject of a công văn (V/v)"},
    "explain.field.signer.title": {"vi": "chức vụ người ký", "en": "signer.title (chức vụ)"},
    "explain.result.doc_type": {"vi": "tên loại", "en": "doc_type"},
    "explain.result.number": {"vi": "số, ký hiệu", "en": "number"},
    "explain.result.issued": {"vi": "địa danh, ngày", "en": "issued"},
    "explain.result.issuer": {"vi": "cơ quan chủ quản / ban hành", "en": "issuer"},
    "explain.result.subject": {"vi": "trích yếu", "en": "subject"},
    "explain.result.signer": {"vi": "thẩm quyền / chức vụ / người ký", "en": "signer"},
    # === registries, sinks, spreadsheets and the Dask scheduler ("store.*", "batch.*") ===
    # {detail} is the system's own English words: shown with --lang en only.
    "store.no_registry": {
        "vi": "{path}: không có sổ đăng ký này",
        "en": "{path}: no such registry",
    },
    "store.cannot_open": {
        "vi": "{path}: không mở được",
        "en": "{path}: cannot be opened ({detail})",
    },
    "store.not_registry": {
        "vi": "{path}: không phải sổ đăng ký của vbparse",
        "en": "{path}: not a vbparse registry ({detail})",
    },
    "store.newer": {
        "vi": "sổ đăng ký ở phiên bản cấu trúc {version}, mới hơn phiên bản vbparse này đọc được "
        "({supported}); hãy nâng cấp vbparse",
        "en": "registry schema version {version} is newer than this vbparse supports "
        "({supported}); upgrade vbparse",
    },
    "store.newer_at": {
        "vi": "{path}: sổ đăng ký ở phiên bản cấu trúc {version}, mới hơn phiên bản vbparse này "
        "đọc được ({supported}); hãy nâng cấp vbparse",
        "en": "{path}: registry schema version {version} is newer than this vbparse supports "
        "({supported}); upgrade vbparse",
    },
    "store.sqlite_not_registry": {
        "vi": "cơ sở dữ liệu SQLite này không phải sổ đăng ký của vbparse",
        "en": "an SQLite database, but not a vbparse registry",
    },
    "store.postgres_not_registry": {
        "vi": "{path}: cơ sở dữ liệu PostgreSQL này không phải sổ đăng ký của vbparse",
        "en": "{path}: a PostgreSQL database, but not a vbparse registry",
    },
    "store.locked": {
        "vi": "{what}: vẫn bị tiến trình khác khóa sau {seconds} giây",
        "en": "{what}: still locked by another process after {seconds} s",
    },
    "store.needs_psycopg": {
        "vi": "sổ đăng ký PostgreSQL cần gói psycopg: pip install 'vbparse[scale]'",
        "en": "a PostgreSQL registry needs psycopg: pip install 'vbparse[scale]'",
    },
    "store.cannot_connect": {
        "vi": "{path}: không kết nối được",
        "en": "{path}: cannot connect ({detail})",
    },
    "store.bad_suffix": {
        "vi": "{path}: tệp kết quả phải có đuôi .jsonl, .sqlite hoặc .db",
        "en": "{path}: the output must end in .jsonl, .sqlite or .db",
    },
    "store.cannot_write": {
        "vi": "{path}: không ghi được",
        "en": "{path}: cannot be written ({detail})",
    },
    "store.cannot_read": {
        "vi": "{path}: không đọc được",
        "en": "{path}: cannot be read ({detail})",
    },
    "store.bad_record": {
        "vi": "{path}: dòng {line} không phải bản ghi của vbparse",
        "en": "{path}: line {line} is not a vbparse record",
    },
    "store.sheet_suffix": {
        "vi": "{path}: bảng tính phải có đuôi .csv hoặc .xlsx",
        "en": "{path}: the spreadsheet must end in .csv or .xlsx",
    },
    "store.out_required": {
        "vi": "cần --out TỆP.xlsx hoặc TỆP.csv",
        "en": "--out FILE.xlsx or FILE.csv is required",
    },
    "store.needs_openpyxl": {
        "vi": "ghi tệp .xlsx cần gói openpyxl (pip install 'vbparse[export]'); hoặc xuất ra .csv",
        "en": "writing .xlsx needs openpyxl (pip install 'vbparse[export]'); or export to .csv",
    },
    "batch.scheduler_local": {
        "vi": "{scheduler}: hãy viết local:N với N ≥ 1 tiến trình",
        "en": "{scheduler}: use local:N with N ≥ 1 workers",
    },
    "batch.scheduler_unreachable": {
        "vi": "{scheduler}: không kết nối được bộ điều phối Dask",
        "en": "{scheduler}: cannot reach the Dask scheduler ({detail})",
    },
    "batch.scheduler_needs_dask": {
        "vi": "--scheduler cần gói Dask: pip install 'vbparse[scale]'",
        "en": "--scheduler needs Dask: pip install 'vbparse[scale]'",
    },
    "batch.cluster": {
        "vi": "Dask: {workers} tiến trình; bảng theo dõi: {dashboard}",
        "en": "Dask: {workers} workers; dashboard: {dashboard}",
    },
    "batch.no_dashboard": {
        "vi": "không có (pip install bokeh)",
        "en": "not available (pip install bokeh)",
    },
    # === settings files and --set ("settings.*") ===
    "settings.unreadable": {
        "vi": "{path}: không đọc được tệp thiết lập ({reason})",
        "en": "{path}: cannot read the settings file ({reason})",
    },
    "settings.not_toml": {
        "vi": "{path}: không phải tệp thiết lập TOML ({reason})",
        "en": "{path}: not a TOML settings file ({reason})",
    },
    "settings.not_group": {
        "vi": "{origin}: '{group}' không phải một nhóm thiết lập [nhóm]",
        "en": "{origin}: '{group}' is not a [group] of settings",
    },
    "settings.bad_assignment": {
        "vi": "'{text}': thiết lập viết dạng nhóm.tên=giá_trị (ví dụ header.vv_lines=6)",
        "en": "'{text}': a setting is written group.name=value (e.g. header.vv_lines=6)",
    },
    "settings.no_group": {
        "vi": "{origin}: không có nhóm thiết lập '{group}' (các nhóm: {groups})",
        "en": "{origin}: no settings group '{group}' (groups: {groups})",
    },
    "settings.no_name": {
        "vi": "{origin}: không có thiết lập {name} (xem 'vbparse settings')",
        "en": "{origin}: no setting {name} (see 'vbparse settings')",
    },
    "settings.bad_value": {
        "vi": "{where}: '{value}' không phải {kind_vi}",
        "en": "{where}: '{value}' is not {kind}",
    },
    # === the command line: one-line errors and summaries ("cli.*") ===
    "cli.internal": {
        "vi": "lỗi nội bộ của vbparse ({error}); chạy lại với --verbose để xem chi tiết",
        "en": "internal error ({error}); run again with --verbose for the traceback",
    },
    "cli.cannot_write": {
        "vi": "{path}: không ghi được kết quả vào đây ({reason})",
        "en": "{path}: cannot write results there ({reason})",
    },
    "cli.stdin_once": {
        "vi": "chỉ đọc được đầu vào chuẩn (-) một lần",
        "en": "standard input (-) can be read only once",
    },
    "cli.no_files": {"vi": "chưa chọn tệp nào (FILE)", "en": "no FILE given"},
    "cli.not_folder": {"vi": "{path}: không phải thư mục", "en": "{path}: not a folder"},
    "cli.no_plans": {
        "vi": "{path}: không có tệp kế hoạch nào (.txt .md .docx .doc .rtf .odt .pdf)",
        "en": "{path}: no plan files (.txt .md .docx .doc .rtf .odt .pdf) found",
    },
    "cli.report_suffix": {
        "vi": "{path}: tệp báo cáo phải có đuôi {suffixes}",
        "en": "{path}: the report must end in {suffixes}",
    },
    "cli.parent": {"vi": "kế hoạch cấp trên {error}", "en": "parent {error}"},
    "cli.below": {
        "vi": "tỷ lệ đáp ứng {ratio} thấp hơn ngưỡng {threshold}",
        "en": "coverage {ratio} is below {threshold}",
    },
    "cli.batch_below": {
        "vi": "{count} đơn vị có tỷ lệ đáp ứng thấp hơn ngưỡng {threshold}",
        "en": "{count} school(s) below {threshold}",
    },
    "cli.checked": {
        "vi": "đã đối chiếu {checked} kế hoạch, {failed} tệp lỗi → {path}",
        "en": "{checked} plan(s) checked, {failed} failed → {path}",
    },
    "cli.lint_counts": {
        "vi": "{errors} lỗi, {warnings} cảnh báo, {infos} lưu ý",
        "en": "{errors} error(s), {warnings} warning(s), {infos} info",
    },
    "cli.batch_elsewhere": {
        "vi": "; {n} tệp do một lượt nhập khác ghi",
        "en": "; {n} recorded by another batch",
    },
    "cli.batch_store_failed": {
        "vi": "không ghi được kết quả ({error}); chạy lại đúng lệnh này để làm tiếp",
        "en": "the results could not be stored ({error}); run the same command again to resume",
    },
    "cli.batch_summary": {
        "vi": "{total} tệp: {parsed} đã đọc, {failed} lỗi, {skipped} bỏ qua (đã có, không đổi"
        "{skipped_failed}) trong {seconds} giây ({rate} tệp/giây) → {path}",
        "en": "{total} files: {parsed} parsed, {failed} failed, {skipped} skipped (already stored, "
        "unchanged{skipped_failed}) in {seconds} s ({rate} files/s) → {path}",
    },
    "cli.batch_skipped_failed": {
        "vi": "; trong đó {n} tệp lỗi từ lần trước",
        "en": "; {n} of them failed before",
    },
    "cli.batch_types": {"vi": "loại văn bản: {types}", "en": "document types: {types}"},
    "cli.batch_unknown_type": {"vi": "chưa rõ loại", "en": "unknown type"},
    "cli.batch_ignored": {
        "vi": "bỏ qua {n} tệp có định dạng không đọc được",
        "en": "ignored {n} files with extensions no reader handles",
    },
    "cli.batch_failed": {"vi": "lỗi: {path}: {reason}", "en": "failed: {path}: {reason}"},
    "cli.batch_more": {
        "vi": "… và {n} tệp lỗi khác (lý do lưu trong {path})",
        "en": "… and {n} more failures (stored with their reasons in {path})",
    },
    "cli.batch_missing": {
        "vi": "{path}: không có tệp, thư mục hay mẫu tên nào như vậy",
        "en": "{path}: no such file, folder or matching glob",
    },
    "cli.batch_nothing": {"vi": "không có văn bản nào để đọc", "en": "no documents to parse"},
    "cli.batch_interrupted": {
        "vi": "đã dừng giữa chừng; chạy lại đúng lệnh này để làm tiếp",
        "en": "interrupted; run the same command again to resume",
    },
    "cli.search_no_query": {
        "vi": "hãy nhập từ cần tìm hoặc một điều kiện lọc (--type, --issuer, --from, --to, --cites)",
        "en": "give words to find or a filter (--type, --issuer, --from, --to, --cites)",
    },
    "cli.search_bad_date": {
        "vi": "“{value}” không phải ngày (ví dụ: 23/4/2020, 2020-04-23, 2020-04 hoặc 2020)",
        "en": "{value!r} is not a date (use 2020-04-23, 23/4/2020, 2020-04 or 2020)",
    },
    "cli.no_registry": {
        "vi": "{path}: không có sổ đăng ký này (tạo bằng 'vbparse batch … --db {path}')",
        "en": "{path}: no such registry (make one with 'vbparse batch … --db {path}')",
    },
    "cli.search_none": {"vi": "không tìm thấy văn bản nào", "en": "no matching documents"},
    "cli.search_no_number": {"vi": "(không có số)", "en": "(no number)"},
    "cli.search_formats": {"vi": "các bản: {formats}", "en": "copies: {formats}"},
    "cli.export_no_registry": {
        "vi": "cần chỉ ra sổ đăng ký (DB)",
        "en": "the registry (DB) is required",
    },
    "cli.corrections_exported": {
        "vi": "{count} văn bản có chỉnh sửa → {path}",
        "en": "{count} corrected documents → {path}",
    },
    "cli.correction_source_gone": {
        "vi": "{path}: không còn tệp văn bản; chỉ ghi bản chuẩn (gold)",
        "en": "{path}: the document is no longer available; gold only",
    },
    "cli.exported": {"vi": "{count} văn bản → {path}", "en": "{count} documents → {path}"},
    "check.batch.sheet.errors": {"vi": "Tệp lỗi", "en": "Errors"},
    "check.batch.sheet.legend": {"vi": "Nội dung cấp trên", "en": "Parent items"},
    "check.batch.h.legend": {
        "vi": "Các nội dung của kế hoạch cấp trên",
        "en": "The parent plan's items",
    },
    "check.batch.h.codes": {"vi": "Giải thích mã vấn đề", "en": "Finding codes"},
    "check.batch.col.item": {"vi": "Mục", "en": "Item"},
    "check.batch.col.item_text": {"vi": "Nội dung", "en": "Text"},
    "check.batch.col.schools_covered": {"vi": "Số trường đã có", "en": "Schools covering it"},
    "check.batch.col.explanation": {"vi": "Ý nghĩa", "en": "Meaning"},
    "check.batch.schools_of": {"vi": "{n}/{total} trường", "en": "{n}/{total} schools"},
    "check.batch.failed": {"vi": "không đọc được", "en": "unreadable"},
    "check.batch.sorted": {
        "vi": "Các đơn vị xếp từ kết quả thấp nhất; tệp không đọc được đứng đầu. Rê chuột lên mã "
        "mục để xem nội dung.",
        "en": "Schools are listed worst first; unreadable files come first. Hover over an item "
        "id to read it.",
    },
    "check.batch.done": {
        "vi": "vbparse: đã đối chiếu {checked} kế hoạch, {failed} tệp lỗi → {out}",
        "en": "vbparse: {checked} plan(s) checked, {failed} failed → {out}",
    },
    "check.below": {
        "vi": "vbparse: tỷ lệ đáp ứng {ratio} thấp hơn mức yêu cầu {wanted}",
        "en": "vbparse: coverage {ratio} is below {wanted}",
    },
    "check.verdict.implements": {"vi": "triển khai kế hoạch này", "en": "implements the plan"},
    "check.verdict.off_topic": {
        "vi": "không triển khai kế hoạch này",
        "en": "does not implement this plan",
    },
    "check.off_topic": {
        "vi": "Kế hoạch của đơn vị (“{subject}”) không triển khai kế hoạch cấp trên: không mục "
        "nào của kế hoạch cấp trên được đáp ứng; không tính tỷ lệ đáp ứng.",
        "en": "The child (“{subject}”) does not implement the parent plan: it answers none of its "
        "items; no coverage ratio is given.",
    },
    "check.err.parent": {"vi": "kế hoạch cấp trên {error}", "en": "parent {error}"},
    "check.err.not_plan": {
        "vi": "là {kind}, không phải kế hoạch",
        "en": "is a {kind}, not a plan (kế hoạch)",
    },
    "check.err.no_sections": {
        "vi": "không có mục đánh số nào nêu công việc: không phải kế hoạch mà chương trình đọc được",
        "en": "no numbered sections with tasks found: not a plan the checker can read",
    },
    "check.err.no_items": {
        "vi": "không có nhiệm vụ, giải pháp, trách nhiệm hay chế độ báo cáo nào: không phải kế hoạch "
        "mà chương trình đọc được",
        "en": "no tasks, solutions, duties or reporting items found: not a plan the checker can read",
    },
    "check.err.no_header": {
        "vi": "phần đầu văn bản không có số (Số: …) và cũng không có ngày ban hành",
        "en": "neither a number (Số: …) nor a date found in the header",
    },
    "check.unmatched": {"vi": "khác biệt: {words}", "en": "differs: {words}"},
    # What each finding code means, shown beside the code.
    "check.code.parent_reference_missing": {
        "vi": "không viện dẫn kế hoạch cấp trên",
        "en": "the parent plan is not cited",
    },
    "check.code.parent_reference_mismatch": {
        "vi": "viện dẫn sai số, ngày hoặc cơ quan ban hành kế hoạch cấp trên",
        "en": "the parent plan is cited with a wrong number, date or issuer",
    },
    "check.code.date_order": {
        "vi": "ban hành trước ngày của kế hoạch cấp trên",
        "en": "dated before the parent plan",
    },
    "check.code.period_mismatch": {
        "vi": "thời kỳ áp dụng khác kế hoạch cấp trên",
        "en": "a period other than the parent's",
    },
    "check.code.deadline_mismatch": {
        "vi": "thời hạn muộn hơn hoặc thiếu so với kế hoạch cấp trên",
        "en": "a deadline later than the parent's, or missing",
    },
    "check.code.target_mismatch": {
        "vi": "chỉ tiêu thấp hơn kế hoạch cấp trên",
        "en": "a target weaker than the parent's",
    },
    "check.code.actor_mismatch": {
        "vi": "giao nhiệm vụ cho người khác với yêu cầu của kế hoạch cấp trên",
        "en": "a duty given to another actor than the parent requires",
    },
    "check.code.quote_mismatch": {
        "vi": "tên phong trào, cuộc vận động ghi khác kế hoạch cấp trên",
        "en": "a quoted name altered",
    },
}

# Names substituted for `{x_label}` placeholders.
LABELS: dict[str, dict[str, str]] = {
    "national_header": {
        "vi": "Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”",
        "en": "the national title (Quốc hiệu)",
    },
    "motto": {"vi": "Tiêu ngữ “Độc lập - Tự do - Hạnh phúc”", "en": "the motto (Tiêu ngữ)"},
    "issuer": {"vi": "tên cơ quan, tổ chức ban hành văn bản", "en": "the issuing body's name"},
    "number": {
        "vi": "số, ký hiệu của văn bản (Số: …)",
        "en": "the document number and symbol (Số: …)",
    },
    "issued": {"vi": "địa danh và thời gian ban hành văn bản", "en": "the place and date of issue"},
    "doc_type": {"vi": "tên loại văn bản", "en": "the document type name"},
    "subject": {"vi": "trích yếu nội dung văn bản", "en": "the subject line (trích yếu)"},
    "signer_title": {"vi": "quyền hạn, chức vụ của người ký", "en": "the signer's title"},
    "signer_name": {"vi": "họ tên người ký", "en": "the signer's name"},
    "recipients": {"vi": "phần Nơi nhận", "en": "the recipients block (Nơi nhận)"},
    "addressee": {"vi": "phần “Kính gửi” của công văn", "en": "the addressee line (Kính gửi)"},
    "archive": {"vi": "dòng “Lưu: VT, …” ở cuối Nơi nhận", "en": "the filing line “Lưu: VT, …”"},
    "type": {"vi": "tên loại văn bản", "en": "the document type"},
    "date": {"vi": "ngày ban hành", "en": "the date"},
    "number_part": {"vi": "số, ký hiệu", "en": "the number"},
    "national_phrase": {"vi": "Quốc hiệu", "en": "national title"},
    # form rules: components, page sides, alignments, sides of the header
    "form.quoc_hieu": {"vi": "Quốc hiệu", "en": "The national title"},
    "form.tieu_ngu": {"vi": "Tiêu ngữ", "en": "The motto"},
    "form.co_quan_chu_quan": {"vi": "Tên cơ quan chủ quản", "en": "The parent body"},
    "form.co_quan_ban_hanh": {"vi": "Tên cơ quan ban hành", "en": "The issuing body"},
    "form.so_ky_hieu": {"vi": "Số, ký hiệu", "en": "The number and symbol"},
    "form.dia_danh_ngay": {"vi": "Địa danh và ngày tháng", "en": "The place and date"},
    "form.ten_loai": {"vi": "Tên loại văn bản", "en": "The document type name"},
    "form.trich_yeu": {"vi": "Trích yếu nội dung", "en": "The subject line"},
    "form.trich_yeu_cong_van": {"vi": "Trích yếu công văn (V/v)", "en": "The letter subject"},
    "form.kinh_gui": {"vi": "Kính gửi", "en": "The addressee line"},
    "form.can_cu": {"vi": "Căn cứ ban hành", "en": "The legal bases"},
    "form.noi_dung": {"vi": "Nội dung văn bản", "en": "The body text"},
    "form.dieu": {"vi": "Từ “Điều” và số thứ tự của điều", "en": "The article label (Điều …)"},
    "form.quyen_han": {"vi": "Quyền hạn của người ký", "en": "The signing authority"},
    "form.chuc_vu": {"vi": "Chức vụ của người ký", "en": "The signer's title"},
    "form.ho_ten": {"vi": "Họ tên người ký", "en": "The signer's name"},
    "form.noi_nhan": {"vi": "Từ “Nơi nhận”", "en": "The word “Nơi nhận”"},
    "form.noi_nhan_ds": {"vi": "Danh sách nơi nhận", "en": "The recipient list"},
    "form.top": {"vi": "Lề trên", "en": "The top margin"},
    "form.bottom": {"vi": "Lề dưới", "en": "The bottom margin"},
    "form.left": {"vi": "Lề trái", "en": "The left margin"},
    "form.right": {"vi": "Lề phải", "en": "The right margin"},
    "form.side.left": {"vi": "bên trái", "en": "left"},
    "form.side.right": {"vi": "bên phải", "en": "right"},
    "form.align.center": {"vi": "canh giữa", "en": "centred"},
    "form.align.both": {"vi": "canh đều hai lề", "en": "justified"},
    "form.align.left": {"vi": "canh trái", "en": "left"},
    "form.align.right": {"vi": "canh phải", "en": "right"},
    "form.align.distribute": {"vi": "dàn đều", "en": "distributed"},
    "form.align.none": {"vi": "mặc định (canh trái)", "en": "default (left)"},
}


# Names of the stable codes a person may see: section roles, lint rule codes, parse-warning codes
# and reader failure kinds. JSON keeps the codes; every human-readable view shows these words.
ROLE_LABELS: dict[str, dict[str, str]] = {
    "purpose": {"vi": "mục đích, yêu cầu", "en": "purpose"},
    "scope": {"vi": "phạm vi, đối tượng", "en": "scope"},
    "situation": {"vi": "tình hình, thực trạng", "en": "situation"},
    "tasks": {"vi": "nhiệm vụ", "en": "tasks"},
    "solutions": {"vi": "giải pháp", "en": "solutions"},
    "responsibilities": {"vi": "tổ chức thực hiện, phân công", "en": "responsibilities"},
    "timeline": {"vi": "tiến độ, thời gian", "en": "timeline"},
    "budget": {"vi": "kinh phí", "en": "budget"},
    "reporting": {"vi": "chế độ báo cáo", "en": "reporting"},
    "articles": {"vi": "điều khoản", "en": "articles"},
    "other": {"vi": "nội dung khác", "en": "other"},
}
FINDING_LABELS: dict[str, dict[str, str]] = {
    "missing_component": {"vi": "thiếu thành phần thể thức", "en": "missing component"},
    "page_setup": {"vi": "khổ giấy, lề trang", "en": "page size and margins"},
    "font": {"vi": "phông chữ", "en": "font"},
    "font_size": {"vi": "cỡ chữ", "en": "font size"},
    "emphasis": {"vi": "kiểu chữ (đậm, nghiêng, in hoa)", "en": "emphasis"},
    "alignment": {"vi": "canh lề đoạn văn", "en": "alignment"},
    "position": {"vi": "vị trí thành phần", "en": "position"},
    "signing": {"vi": "thẩm quyền ký", "en": "signing"},
    "stray_character": {"vi": "ký tự lạ trong từ", "en": "stray character"},
    "number_format": {"vi": "số, ký hiệu", "en": "number format"},
    "date_format": {"vi": "ngày tháng", "en": "date format"},
    "fixed_phrase": {"vi": "cụm từ cố định", "en": "fixed phrase"},
    "name_variant": {"vi": "tên viết không thống nhất", "en": "name variant"},
    "repeated_word": {"vi": "lặp từ", "en": "repeated word"},
    "spelling": {"vi": "chính tả", "en": "spelling"},
    "citation_incomplete": {"vi": "viện dẫn chưa đủ", "en": "incomplete citation"},
    "numbering": {"vi": "đánh số", "en": "numbering"},
    "structure": {"vi": "bố cục", "en": "structure"},
    # vbparse check
    "parent_reference_missing": {
        "vi": "không viện dẫn kế hoạch cấp trên",
        "en": "parent not cited",
    },
    "parent_reference_mismatch": {
        "vi": "viện dẫn kế hoạch cấp trên chưa đúng",
        "en": "parent cited wrongly",
    },
    "date_order": {"vi": "ngày ban hành trước cấp trên", "en": "dated before the parent"},
    "period_mismatch": {"vi": "thời gian áp dụng khác", "en": "period mismatch"},
    "deadline_mismatch": {"vi": "thời hạn chưa đủ", "en": "deadline mismatch"},
    "quote_mismatch": {"vi": "tên gọi khác cấp trên", "en": "quoted name differs"},
    "target_mismatch": {"vi": "chỉ tiêu thấp hơn cấp trên", "en": "weaker target"},
    "actor_mismatch": {"vi": "giao sai người thực hiện", "en": "duty given to another actor"},
    # parse warnings
    "field_missing": {"vi": "không tìm thấy", "en": "field missing"},
    "field_blank": {"vi": "để trống", "en": "field blank"},
    "field_inferred": {"vi": "được suy ra", "en": "field inferred"},
    "field_partial": {"vi": "đọc được một phần", "en": "field partial"},
    "low_confidence": {"vi": "đọc lại từ ảnh, cần kiểm tra", "en": "low confidence"},
    "invalid": {"vi": "không hợp lệ", "en": "invalid"},
    "ambiguous": {"vi": "chưa chắc chắn", "en": "ambiguous"},
    "read": {"vi": "lưu ý khi đọc tệp", "en": "reading"},
}
# Why a file could not be read, by ReadError kind (the English detail stays in JSON and --verbose).
READ_ERRORS: dict[str, dict[str, str]] = {
    "not_found": {"vi": "không có tệp này", "en": "no such file"},
    "is_directory": {"vi": "đây là thư mục, không phải tệp", "en": "is a directory, not a file"},
    "not_regular": {
        "vi": "không phải tệp thường (ống dẫn, thiết bị hoặc socket)",
        "en": "not a regular file (a pipe, device or socket)",
    },
    "link_loop": {"vi": "liên kết tượng trưng trỏ vòng", "en": "a symbolic link that loops"},
    "dangling_link": {
        "vi": "liên kết trỏ tới tệp không còn tồn tại",
        "en": "a link to a file that does not exist",
    },
    "empty": {"vi": "tệp rỗng", "en": "the file is empty"},
    "binary": {
        "vi": "tệp không phải văn bản ở định dạng đọc được",
        "en": "not a document in a format vbparse reads",
    },
    "corrupt": {"vi": "tệp bị hỏng hoặc có mật khẩu", "en": "the file is damaged or encrypted"},
    "encrypted": {"vi": "tệp có mật khẩu", "en": "the file is encrypted"},
    "too_large": {"vi": "tệp quá lớn", "en": "the file is too large"},
    "encoding": {"vi": "không xác định được bảng mã của tệp", "en": "the encoding is unknown"},
    "no_text": {"vi": "không đọc được chữ nào trong tệp", "en": "no text could be read"},
    "no_pages": {"vi": "tệp không có trang nào", "en": "the file has no pages"},
    "missing_tool": {
        "vi": "cần cài thêm phần mềm để đọc định dạng này (LibreOffice hoặc Tesseract)",
        "en": "reading this format needs LibreOffice or Tesseract",
    },
    "unreadable": {"vi": "không có quyền đọc tệp", "en": "the file cannot be read"},
    "timeout": {"vi": "đọc quá thời gian cho phép", "en": "timed out"},
    "internal": {"vi": "lỗi nội bộ của vbparse", "en": "internal error"},
}


def role_label(role: str | None, lang: str) -> str:
    entry = ROLE_LABELS.get(role or "")
    return entry[lang] if entry else (role or "—")


def finding_label(code: str, lang: str) -> str:
    entry = FINDING_LABELS.get(code.removeprefix("check."))
    return entry[lang] if entry else code


def read_error_text(kind: str | None, message: str, lang: str) -> str:
    """Why a file failed, in `lang`: the English `message` as it is, or the kind's words."""
    entry = READ_ERRORS.get(kind or "")
    if lang != "vi" or not entry:
        return message
    if kind == "too_large":  # the detail names the limit and the setting that raises it
        return f"{entry['vi']}: {message}"
    return entry["vi"]


_VI_SEPARATORS = str.maketrans(",.", ".,")


def number(value: float, lang: str, digits: int = 1) -> str:
    """A number as the language writes it: 1.234,5 in Vietnamese, 1,234.5 in English; trailing
    zeros of the fraction dropped (97,0 → 97)."""
    text = f"{value:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if lang == "vi":
        text = text.translate(_VI_SEPARATORS)
    return text


def percent(ratio: float, lang: str, digits: int = 1) -> str:
    """A ratio (0.975) as a percentage: "97,5 %" in Vietnamese (with a space, TCVN style),
    "97.5%" in English."""
    value = number(ratio * 100, lang, digits)
    return f"{value} %" if lang == "vi" else f"{value}%"


def show_date(iso: str | None, lang: str) -> str:
    """An ISO date as the reader writes it: 23/4/2020 in Vietnamese (4/2020 or 2020 when the day
    or month is blank), ISO in English."""
    if not iso:
        return ""
    if lang != "vi":
        return iso
    parts = iso.split("-")
    shown = [str(int(p)) if i < len(parts) - 1 else p for i, p in enumerate(reversed(parts))]
    return "/".join(shown)


def label(key: str, lang: str) -> str:
    entry = LABELS.get(key)
    return entry[lang] if entry else key


def render(key: str, lang: str, **params: object) -> str:
    """The message `key` in `lang`, filled. A list of label keys joined by "+" (e.g.
    missing="date+issuer") renders as a localised enumeration."""
    template = MESSAGES[key][lang]
    labels = {
        f"{name}_label": _join([label(part, lang) for part in value.split("+")], lang)
        for name, value in params.items()
        if isinstance(value, str) and all(part in LABELS for part in value.split("+"))
    }
    return template.format(**params, **labels)


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    word = " và " if lang == "vi" else " and "
    return ", ".join(items[:-1]) + word + items[-1]
