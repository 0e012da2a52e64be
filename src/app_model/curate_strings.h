// The UI strings of curation — editing, saving, the edit journal, the lock, importing articles —
// in Chinese and English. Part of the one string table of strings.h (included into its
// X-macro list), kept in a file of its own so that the table's other parts change independently.
// X(id, 中文, English); ...Fmt strings have %s / %d placeholders.
#pragma once

#define INDTRACK_CURATE_STRINGS(X)                                                                           \
  X(MenuSave, "保存", "Save")                                                                                \
  X(MenuSaveAs, "另存为…", "Save as…")                                                                       \
  X(MenuImportArticle, "导入报道…", "Import article…")                                                       \
  X(MenuEdit, "编辑", "Edit")                                                                                \
  X(MenuUndoFmt, "撤销：%s", "Undo: %s")                                                                     \
  X(MenuRedoFmt, "重做：%s", "Redo: %s")                                                                     \
  X(MenuUndo, "撤销", "Undo")                                                                                \
  X(MenuRedo, "重做", "Redo")                                                                                \
  X(MenuNewProject, "新建项目", "New project")                                                               \
  X(MenuEditProject, "编辑所选项目", "Edit the selected project")                                            \
  X(EditLabelFieldFmt, "修改%s", "edit %s")                                                                  \
  X(EditLabelAddProject, "新建项目", "add a project")                                                        \
  X(EditLabelRemoveProject, "删除项目", "remove a project")                                                  \
  X(EditLabelAddUnit, "添加产线", "add a production line")                                                   \
  X(EditLabelRemoveUnit, "删除产线", "remove a production line")                                             \
  X(EditLabelAddMilestone, "添加节点", "add a milestone")                                                    \
  X(EditLabelRemoveMilestone, "删除节点", "remove a milestone")                                              \
  X(EditLabelAcceptFact, "采纳事实", "accept a fact")                                                        \
  X(UnsavedTitle, "未保存的修改", "Unsaved changes")                                                         \
  X(UnsavedTextFmt, "%s 有未保存的修改。先保存吗？", "%s has unsaved changes. Save them first?")             \
  X(ButtonSave, "保存", "Save")                                                                              \
  X(ButtonDiscard, "不保存", "Don't save")                                                                   \
  X(RecoverTitle, "恢复未保存的修改", "Recover unsaved edits")                                               \
  X(RecoverTextFmt, "上次编辑 %s 时未保存就退出了。编辑日志中有 %d 处修改（开始于 %s）。恢复这些修改吗？",   \
    "indtrack stopped without saving %s. The edit journal holds %d edits (started %s). Recover them?")       \
  X(RecoverTornNote, "最后一处修改在写入日志时被中断，无法恢复。",                                           \
    "The last edit was being written when the program stopped; it cannot be recovered.")                     \
  X(ButtonRecover, "恢复", "Recover")                                                                        \
  X(ButtonDiscardJournal, "丢弃", "Discard")                                                                 \
  X(SaveAsTitle, "另存为", "Save as")                                                                        \
  X(SaveAsPrompt, "新数据集文件的路径（.json）。报道原文会复制到它旁边的同名相对路径：",                     \
    "Path of the new dataset file (.json). Article texts are copied beside it, at the same relative paths:") \
  X(StatusUnsaved, "未保存", "unsaved")                                                                      \
  X(StatusReadOnly, "只读", "read-only")                                                                     \
  X(NoticeSavedFmt, "已保存 %s", "Saved %s")                                                                 \
  X(NoticeSaveFailedFmt, "保存失败，磁盘上的文件没有改动，修改仍在编辑日志中：%s",                           \
    "Saving failed; the file on disk is unchanged and the edits are still in the journal: %s")               \
  X(NoticeReadOnlyLockedFmt,                                                                                 \
    "另一个 indtrack（进程 %s，主机 %s）正在编辑 %s：已以只读方式打开，可用“另存为”保存副本。",              \
    "Another indtrack (process %s on %s) is editing %s: opened read-only. Use Save as to keep a copy.")      \
  X(NoticeReadOnlyNoLockFmt, "无法在数据集旁创建锁文件，已以只读方式打开：%s",                               \
    "Cannot create a lock file beside the dataset, so it is open read-only: %s")                             \
  X(NoticeReadOnlyEdit, "数据集以只读方式打开，不能修改。",                                                  \
    "The dataset is open read-only; it cannot be edited.")                                                   \
  X(NoticeEditWhileLoading, "正在加载另一个数据集，加载完成前不能修改。",                                    \
    "Another dataset is loading; edits wait until it has loaded.")                                           \
  X(NoticeLoadCancelledFmt, "已取消加载 %s，仍显示之前的数据集。",                                           \
    "Loading %s was cancelled; the previous dataset is still shown.")                                        \
  X(StatusLoadingFmt, "正在加载 %s", "Loading %s")                                                           \
  X(LoadCancel, "取消加载", "Cancel loading")                                                                \
  X(NoticeJournalFailedFmt,                                                                                  \
    "编辑日志已停止：%s。此后的修改只在内存中，程序崩溃会丢失；保存或另存为后重新开始记录。",                \
    "The edit journal has stopped: %s. Edits from now on are only in memory and would be lost in a crash; "  \
    "saving (or Save as) starts a new journal.")                                                             \
  X(NoticeJournalResumed, "编辑日志已恢复写入，之前未能写入的修改也已记录。",                                \
    "The edit journal is written again, including the edits it had missed.")                                 \
  X(StatusJournalStopped, "日志已停止", "journal stopped")                                                   \
  X(StatusJournalStoppedTipFmt, "编辑日志已停止：%s\n修改只在内存中，程序崩溃会丢失。请保存或另存为。",      \
    "The edit journal has stopped: %s\nEdits are only in memory and would be lost in a crash. Save, or "     \
    "Save as elsewhere.")                                                                                    \
  X(NoticeSaveFailedNoJournalFmt,                                                                            \
    "保存失败，磁盘上的文件没有改动；修改没有写入编辑日志，只在内存中，请用“另存为”保存到别处：%s",          \
    "Saving failed; the file on disk is unchanged. The edits are not in the edit journal, only in memory: "  \
    "use Save as to keep them elsewhere: %s")                                                                \
  X(RecoverBrokenNoteFmt, "编辑日志在第 %d 处修改之后中断（%s），只能恢复之前的修改。",                      \
    "The edit journal breaks off after edit %d (%s); only the edits before that can be recovered.")          \
  X(NoticeRecoverStoppedFmt, "恢复了 %d 处修改；第 %d 处及之后的没有应用：%s（原日志保留为 %s）",            \
    "Recovered %d edits; edit %d and those after it were not applied: %s (the journal is kept as %s)")       \
  X(NoticeJournalStaleFmt, "找到的编辑日志属于该文件的另一个版本，没有应用（保留为 %s）。",                  \
    "An edit journal for another version of this file was found and not applied (kept as %s).")              \
  X(NoticeJournalOthersChangedFmt,                                                                           \
    "编辑日志写下之后，其他人改动了 %s：第 %d 处及之后的修改涉及这些记录，没有提供恢复（日志保留为 %s）。",  \
    "Since the edit journal was written, others changed %s: edit %d and those after it touch these records " \
    "and are not offered for recovery (the journal is kept as %s).")                                         \
  X(NoticeJournalUnreadableFmt, "编辑日志无法读取（保留为 %s）：%s",                                         \
    "The edit journal could not be read (kept as %s): %s")                                                   \
  X(NoticeRecoveredFmt, "已恢复 %d 处未保存的修改。", "Recovered %d unsaved edits.")                         \
  X(NoticeFileChangedFmt, "没有保存：%s 在打开后被其他程序修改过。请选择合并、重新加载或另存为。",           \
    "Not saved: %s was changed by another program since it was opened. Merge, reload or save elsewhere.")    \
  X(NoticeMergedFmt, "已合并文件中的修改并保存 %s（合并前文件中的版本保留为 .bak）。",                       \
    "Merged with the file's changes and saved %s (the file's version before the merge is kept as .bak).")    \
  X(NoticeReloadedKeptMineFmt, "已重新加载 %s；你的版本保存为 %s。",                                         \
    "Reloaded %s; your version is saved as %s.")                                                             \
  X(MergeChangedAgain, "文件在查看期间又被修改了，请重新查看。",                                             \
    "The file was changed again while you were looking; review it again.")                                   \
  X(NoticeStoreUnreadableFmt, "无法读取 %s：%s", "Cannot read %s: %s")                                       \
  X(NoticeReadOnlyRoleFmt, "数据库角色 %s 对 %s 只有读取权限：已以只读方式打开。",                           \
    "The database role %s may only read %s: opened read-only.")                                              \
  X(NoticeReadOnlyUnknownFmt, "无法确认能否修改，已以只读方式打开：%s",                                      \
    "Cannot find out whether edits are allowed, so it is open read-only: %s")                                \
  X(NoticeOthersChangedKeptEdits,                                                                            \
    "其他人提交了修改；你有未保存的修改，所以暂不重新加载。保存时，双方都改过的记录会列出供选择。",          \
    "Others committed changes; you have unsaved edits, so the view is not reloaded. Saving lists any "       \
    "record "                                                                                                \
    "both sides changed, to choose from.")                                                                   \
  X(NoticeOthersChangedReloaded, "已载入其他人提交的修改，筛选和所选项目不变。",                             \
    "Loaded the changes others committed; the filter and the selected project are kept.")                    \
  X(NoticeDbChangedFmt, "没有保存：你修改的记录在你读取后被其他人修改过（%s）。请查看并合并，或重新加载。",  \
    "Not saved: records you edited were changed by someone else after you read them (%s). Review and "       \
    "merge, "                                                                                                \
    "or reload.")                                                                                            \
  X(NoticeDbMergedFmt, "已与其他人的修改合并并保存到 %s。",                                                  \
    "Merged with the others' changes and saved to %s.")                                                      \
  X(NoticeDbSaveFailedFmt, "保存失败，数据库没有改动，修改仍在编辑日志中：%s",                               \
    "Saving failed; the database is unchanged and the edits are still in the journal: %s")                   \
  X(DetailHistory, "修改历史", "Change history")                                                             \
  X(HistoryRevert, "撤销此修改", "Revert")                                                                   \
  X(HistoryRevertsFmt, "撤销了 #%s", "reverts #%s")                                                          \
  X(HistoryImport, "整体导入（全部记录）", "import of the whole dataset")                                    \
  X(HistoryNone, "数据库中没有这个项目的修改记录。", "The database has no changes of this project.")         \
  X(HistoryUnreadableFmt, "无法读取修改历史：%s", "Cannot read the history: %s")                             \
  X(HistorySourcesFmt, "来源：%s", "sources: %s")                                                            \
  X(NoticeRevertedFmt, "已撤销修改 #%s（撤销本身作为一条新修改记入历史）。",                                 \
    "Reverted change #%s (the revert is a new change in the history).")                                      \
  X(NoticeRevertRefusedFmt, "不能撤销 #%s：%s", "Cannot revert #%s: %s")                                     \
  X(NoticeRevertNeedsSave, "有未保存的修改时不能撤销历史中的修改：请先保存或放弃。",                         \
    "A change cannot be reverted while there are unsaved edits: save or discard them first.")                \
  X(DbChangedTitle, "记录已被其他人修改", "Records were changed by someone else")                            \
  X(DbChangedTextFmt,                                                                                        \
    "你修改的记录在你读取之后被其他人修改并提交到 %s，所以没有保存：直接保存会覆盖他们的修改。",             \
    "Records you edited were changed and committed to %s by someone else after you read them, so nothing "   \
    "was saved: saving now would overwrite their changes.")                                                  \
  X(DiskChangedTitle, "文件已被其他程序修改", "The file was changed by another program")                     \
  X(DiskChangedTextFmt,                                                                                      \
    "%s 在打开（或上次保存）之后被其他程序修改过，所以没有保存：直接保存会覆盖那些修改。",                   \
    "%s was changed by another program since it was opened (or last saved), so it was not saved: saving "    \
    "now would overwrite those changes.")                                                                    \
  X(ButtonReviewMerge, "查看并合并…", "Review and merge…")                                                   \
  X(ButtonReloadKeepMine, "重新加载（我的版本另存为副本）", "Reload (keep my version as a copy)")            \
  X(ButtonSaveElsewhere, "另存为…", "Save as…")                                                              \
  X(MergeHint, "每一处差异选择保留文件中的还是我的；双方都改过的标为冲突。",                                 \
    "For each difference, keep the file's version or mine; what both changed is marked as a conflict.")      \
  X(MergeColumnRecord, "记录", "Record")                                                                     \
  X(MergeColumnFile, "文件中的", "In the file")                                                              \
  X(MergeColumnDb, "数据库中的", "In the database")                                                          \
  X(MergeColumnMine, "我的", "Mine")                                                                         \
  X(MergeColumnKeep, "保留", "Keep")                                                                         \
  X(MergeKeepFile, "文件", "file")                                                                           \
  X(MergeKeepMine, "我的", "mine")                                                                           \
  X(MergeConflict, "冲突", "conflict")                                                                       \
  X(MergeNoDifferences, "文件中的版本与我的修改没有差异。",                                                  \
    "The file's version and my edits do not differ.")                                                        \
  X(ButtonMergeSave, "合并并保存", "Merge and save")                                                         \
  X(ButtonBack, "返回", "Back")                                                                              \
  X(NoticeJournalDiscardedFmt, "未保存的修改已丢弃（副本保留为 %s）。",                                      \
    "The unsaved edits were discarded (a copy is kept as %s).")                                              \
  X(NoticeEditRefusedFmt, "修改没有应用：%s", "The edit was not applied: %s")                                \
  X(NoticeSaveAsLockedFmt, "另一个 indtrack 正在编辑 %s，不能覆盖它。",                                      \
    "Another indtrack is editing %s; it cannot be overwritten.")                                             \
  X(EditModeButton, "编辑", "Edit")                                                                          \
  X(EditDoneButton, "完成", "Done")                                                                          \
  X(EditReadOnlyHint, "只读：另一个窗口正在编辑此文件。", "Read-only: another window is editing this file.") \
  X(EditName, "名称", "Name")                                                                                \
  X(EditNameEn, "英文名称", "English name")                                                                  \
  X(EditNotes, "备注", "Notes")                                                                              \
  X(EditCompany, "企业", "Company")                                                                          \
  X(EditNone, "（无）", "(none)")                                                                            \
  X(EditProduct, "产品", "Product")                                                                          \
  X(EditPhase, "期次", "Phase")                                                                              \
  X(EditCapacity, "产能", "Capacity")                                                                        \
  X(EditUnit, "单位", "Unit")                                                                                \
  X(EditKind, "类型", "Kind")                                                                                \
  X(EditDate, "日期", "Date")                                                                                \
  X(EditExpected, "预计", "Expected")                                                                        \
  X(EditSource, "来源", "Source")                                                                            \
  X(EditQuote, "原文引语", "Quote")                                                                          \
  X(EditAddUnit, "添加产线", "Add line")                                                                     \
  X(EditRemoveUnit, "删除此产线", "Remove this line")                                                        \
  X(EditAddMilestone, "添加节点", "Add milestone")                                                           \
  X(EditRemove, "删除", "Remove")                                                                            \
  X(EditRemoveProject, "删除此项目", "Remove this project")                                                  \
  X(EditNewUnitName, "新产线名称", "New line's name")                                                        \
  X(EditFieldHint, "回车或离开输入框即应用修改；有错误时不会应用。",                                         \
    "Enter or leaving the field applies the change; it is not applied while it has errors.")                 \
  X(ImportTitle, "导入报道", "Import article")                                                               \
  X(ImportFile, "文本文件", "Text file")                                                                     \
  X(ImportOpenFile, "打开", "Open")                                                                          \
  X(ImportPasteHint, "在此粘贴报道全文，或在上方输入 .txt 文件路径后点“打开”。",                             \
    "Paste the article's full text here, or enter the path of a .txt file above and press Open.")            \
  X(ImportPublisher, "媒体", "Publisher")                                                                    \
  X(ImportArticleTitle, "标题", "Title")                                                                     \
  X(ImportArticleDate, "发布日期", "Published")                                                              \
  X(ImportSourceIdFmt, "来源编号 %s，原文保存为 %s", "Source id %s, text stored as %s")                      \
  X(ImportExtract, "提取事实", "Find facts")                                                                 \
  X(ImportEditText, "修改原文", "Edit text")                                                                 \
  X(ImportCandidatesFmt, "候选事实 %d 条：已采纳 %d，已拒绝 %d",                                             \
    "%d candidate facts: %d accepted, %d rejected")                                                          \
  X(ImportAlreadySourceFmt, "此文章已是来源 %s（%s）：接受的事实将引用该来源，不会重复添加。",               \
    "This article is already source %s (%s): accepted facts will cite it; it is not added again.")           \
  X(ImportNoCandidates, "没有找到候选事实。", "No candidate facts found.")                                   \
  X(ImportNeedsDate, "没有发布日期：不含年份的日期（如“4月”“年底”）无法确定年份，已略去。",                  \
    "No publication date: dates without a year (\"4月\", \"年底\") cannot be placed and are left out.")      \
  X(ImportKindCapacity, "产能", "capacity")                                                                  \
  X(ImportKindInvestment, "投资", "investment")                                                              \
  X(ImportKindDate, "日期", "date")                                                                          \
  X(ImportAccept, "采纳", "Accept")                                                                          \
  X(ImportReject, "拒绝", "Reject")                                                                          \
  X(ImportReopen, "重新考虑", "Reconsider")                                                                  \
  X(ImportAccepted, "已采纳", "accepted")                                                                    \
  X(ImportRejected, "已拒绝", "rejected")                                                                    \
  X(ImportProject, "项目", "Project")                                                                        \
  X(ImportNewProject, "（新项目）", "(new project)")                                                         \
  X(ImportNewProjectName, "新项目名称", "New project's name")                                                \
  X(ImportLine, "产线", "Line")                                                                              \
  X(ImportNewLine, "（新产线）", "(new line)")                                                               \
  X(ImportProjectItself, "（项目本身）", "(the project itself)")                                             \
  X(ImportValue, "数值", "Value")                                                                            \
  X(ImportScope, "范围", "Scope")                                                                            \
  X(ImportApproximate, "约数", "approximate")                                                                \
  X(ImportLinesFmt, "%d 条相同产线", "%d identical lines")                                                   \
  X(ImportLineNumberFmt, "%d号线", "line %d")                                                                \
  X(ImportYearInferred, "年份取自发布日期", "year from the publication date")                                \
  X(ImportNotUtf8Fmt, "%s 不是 UTF-8 文本（第 %d 行第 %d 列）：请另存为 UTF-8。",                            \
    "%s is not UTF-8 text (line %d, column %d): save it as UTF-8.")                                          \
  X(ImportCannotReadFmt, "无法读取 %s：%s", "Cannot read %s: %s")                                            \
  X(ImportBadDateFmt, "发布日期无法识别：%s", "The publication date is not a date: %s")                      \
  X(ImportQuoteMissing, "引语不在原文中", "the quote is not in the article text")                            \
  X(ImportHoverHint, "鼠标悬停在高亮处可查看解析结果；点击可在右侧定位。",                                   \
    "Hover a highlight to see what was read; click it to find it on the right.")                             \
  X(ImportShowOriginal, "显示原文（繁体）", "Show the original (traditional script)")                        \
  X(ImportConvertedNote, "原文为繁体，此处显示转换后的简体；引语和位置仍取自原文。",                         \
    "The article is in traditional script: shown converted to simplified; quotes and offsets are the "       \
    "original's.")
